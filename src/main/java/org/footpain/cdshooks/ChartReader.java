package org.footpain.cdshooks;

import com.fasterxml.jackson.databind.JsonNode;
import org.footpain.fhir.FhirInputException;
import org.footpain.fhir.ObservationReader;
import org.footpain.fhir.ObservationReader.Supplied;
import org.hl7.fhir.instance.model.api.IBaseResource;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.Patient;
import org.hl7.fhir.r4.model.Resource;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Gathers the patient's chart for a hook call, template by template: from the prefetch when the EHR sent the
 * key, otherwise from the EHR's FHIR server with the token it passed, but only from a server the configuration
 * allows for the EHR that signed the call. A template that can be had neither way, or only in part (a paged
 * search whose next pages cannot be read), fails the call with 412, as the specification requires: the service
 * never advises on part of a chart.
 */
final class ChartReader {

    private static final Pattern TOKEN = Pattern.compile("\\{\\{context\\.([A-Za-z0-9]+)}}");
    private static final int MAX_PAGE_BYTES = 5 * 1024 * 1024;
    private static final String FHIR_JSON = "application/fhir+json";

    private final ObservationReader reader;
    private final OutboundHttp http;
    private final int maxPages;

    ChartReader(ObservationReader reader, OutboundHttp http, int maxPages) {
        this.reader = reader;
        this.http = http;
        this.maxPages = maxPages;
    }

    /** A FHIR base URL without a trailing slash, so that allow-lists compare like with like. */
    static String normalise(String base) {
        String trimmed = base.trim();
        while (trimmed.endsWith("/")) {
            trimmed = trimmed.substring(0, trimmed.length() - 1);
        }
        return trimmed;
    }

    /**
     * The resources of every template, each with where it came from; parser complaints go to {@code warnings}.
     *
     * @param templates prefetch key to template, as discovery publishes them
     */
    List<Supplied> read(HookRequest request, ClientTokenVerifier.VerifiedClient client,
                        Map<String, String> templates, List<String> warnings) {
        List<Supplied> chart = new ArrayList<>();
        for (Map.Entry<String, String> template : templates.entrySet()) {
            String key = template.getKey();
            if (!fillable(template.getValue(), request)) {
                continue; // names a context field this call does not have, such as an absent encounterId
            }
            JsonNode sent = request.prefetch().get(key);
            if (sent != null && sent.isNull()) {
                continue; // the EHR has no data for this template
            }
            if (sent == null && request.fhirServer().isEmpty() && CdsServices.OPTIONAL_PREFETCH.contains(key)) {
                warnings.add("prefetch." + key + " was not sent and no fhirServer was named: assessed without it");
                continue;
            }
            if (sent != null && !isOperationOutcome(sent)) {
                chart.addAll(fromPrefetch(key, sent, template.getValue(), request, client, warnings));
            } else {
                chart.addAll(fromServer(key, query(template.getValue(), request), request, client, warnings));
            }
        }
        return chart;
    }

    private List<Supplied> fromPrefetch(String key, JsonNode sent, String template, HookRequest request,
                                        ClientTokenVerifier.VerifiedClient client, List<String> warnings) {
        String where = "prefetch." + key;
        IBaseResource parsed = parse(sent.toString(), where, warnings);
        boolean search = template.contains("?");
        if (!search) {
            if (!(parsed instanceof Resource resource) || !resource.fhirType().equals(resourceType(template))) {
                throw new FhirInputException(OperationOutcome.IssueType.STRUCTURE, where,
                        "must be a " + resourceType(template) + " for the template " + template);
            }
            return List.of(Supplied.of(resource, where));
        }
        if (!(parsed instanceof Bundle bundle)) {
            throw new FhirInputException(OperationOutcome.IssueType.STRUCTURE, where,
                    "must be a searchset Bundle for the template " + template);
        }
        if (reportsAnError(bundle)) {
            // the EHR says, inside its own answer, that the search is partial: read it afresh or not at all
            return fromServer(key, query(template, request), request, client, warnings);
        }
        List<Supplied> resources = new ArrayList<>(entries(bundle, where));
        Optional<String> next = next(bundle);
        if (next.isPresent()) {
            // the EHR paged its prefetch: the remaining pages come from its server, or the chart is incomplete
            resources.addAll(pages(key, next.get(), request, client, warnings, 1));
        }
        return resources;
    }

    private List<Supplied> fromServer(String key, String query, HookRequest request,
                                      ClientTokenVerifier.VerifiedClient client, List<String> warnings) {
        String base = allowedServer(key, request, client);
        URI uri = URI.create(base + "/" + query);
        if (!query.contains("?")) {
            Optional<String> body = fetch(key, uri, request, true);
            if (body.isEmpty()) {
                return List.of(); // read of a resource the server does not have
            }
            IBaseResource parsed = parse(body.get(), "fhirServer " + key, warnings);
            if (!(parsed instanceof Resource resource) || !resource.fhirType().equals(resourceType(query))) {
                throw new PreconditionFailedException("The FHIR server answered the " + key + " read with something"
                        + " other than a " + resourceType(query) + ".");
            }
            return List.of(Supplied.of(resource, resource.fhirType() + "/" + resource.getIdElement().getIdPart()));
        }
        return pages(key, uri.toString(), request, client, warnings, 0);
    }

    private List<Supplied> pages(String key, String first, HookRequest request,
                                 ClientTokenVerifier.VerifiedClient client, List<String> warnings, int pagesSoFar) {
        String base = allowedServer(key, request, client);
        List<Supplied> resources = new ArrayList<>();
        Optional<String> next = Optional.of(first);
        int pages = pagesSoFar;
        while (next.isPresent()) {
            if (++pages > maxPages) {
                throw new PreconditionFailedException("The " + key + " search has more than " + maxPages
                        + " pages; the service does not advise on part of a chart.");
            }
            String url = next.get();
            // a paging link outside the allowed server would carry the EHR's token elsewhere
            if (!url.startsWith(base + "/") && !url.startsWith(base + "?")) {
                throw new PreconditionFailedException("The " + key + " search continues outside the allowed FHIR"
                        + " server.");
            }
            URI page;
            try {
                page = new URI(url);
            } catch (URISyntaxException e) {
                throw new PreconditionFailedException("The " + key + " search continues at a link that is not a URL.");
            }
            String body = fetch(key, page, request, false).orElseThrow();
            IBaseResource parsed = parse(body, "fhirServer " + key, warnings);
            if (!(parsed instanceof Bundle bundle)) {
                throw new PreconditionFailedException("The FHIR server answered the " + key
                        + " search with something other than a Bundle.");
            }
            if (reportsAnError(bundle)) {
                throw new PreconditionFailedException("The FHIR server reported an error inside its " + key
                        + " search; the service does not advise on part of a chart.");
            }
            for (Bundle.BundleEntryComponent entry : bundle.getEntry()) {
                if (entry.getResource() != null && !(entry.getResource() instanceof OperationOutcome)) {
                    Resource resource = entry.getResource();
                    resources.add(Supplied.of(resource, resource.fhirType() + "/" + resource.getIdElement().getIdPart()));
                }
            }
            next = next(bundle);
        }
        return resources;
    }

    private String allowedServer(String key, HookRequest request, ClientTokenVerifier.VerifiedClient client) {
        if (request.fhirServer().isEmpty()) {
            throw new PreconditionFailedException("prefetch." + key + " was not sent and the request names no"
                    + " fhirServer to read it from.");
        }
        String base = normalise(request.fhirServer().get().toString());
        if (!client.fhirServers().contains(base)) {
            throw new PreconditionFailedException("prefetch." + key + " was not sent and fhirServer " + base
                    + " is not a FHIR server this service may read for the calling EHR.");
        }
        return base;
    }

    /** The body of a GET; empty for a 404 on a single-resource read. */
    private Optional<String> fetch(String key, URI uri, HookRequest request, boolean read) {
        try {
            return Optional.of(http.get(uri, request.fhirAccessToken(), FHIR_JSON, MAX_PAGE_BYTES));
        } catch (OutboundHttp.StatusException e) {
            if (read && (e.status() == 404 || e.status() == 410)) {
                return Optional.empty();
            }
            throw new PreconditionFailedException("The FHIR server answered " + e.status() + " when " + key
                    + " was read.");
        } catch (IOException e) {
            throw new PreconditionFailedException("The FHIR server could not be read for " + key + ".");
        }
    }

    private IBaseResource parse(String json, String where, List<String> warnings) {
        try {
            return reader.parse(json, warnings);
        } catch (FhirInputException e) {
            if (where.startsWith("fhirServer")) {
                throw new PreconditionFailedException("The FHIR server's answer for " + where.substring(11)
                        + " is not FHIR R4 JSON.");
            }
            throw new FhirInputException(OperationOutcome.IssueType.STRUCTURE, where,
                    "is not a FHIR R4 resource in JSON");
        }
    }

    private static List<Supplied> entries(Bundle bundle, String where) {
        List<Supplied> resources = new ArrayList<>();
        for (int i = 0; i < bundle.getEntry().size(); i++) {
            Resource resource = bundle.getEntry().get(i).getResource();
            // a client reports prefetch errors as OperationOutcomes; they are not part of the chart
            if (resource != null && !(resource instanceof OperationOutcome)) {
                resources.add(new Supplied(resource, where + ".entry[" + i + "].resource",
                        Supplied.of(resource, where).reference()));
            }
        }
        return resources;
    }

    /** A search answer carrying an OperationOutcome with an error or fatal issue did not return everything. */
    private static boolean reportsAnError(Bundle bundle) {
        return bundle.getEntry().stream().map(Bundle.BundleEntryComponent::getResource)
                .filter(OperationOutcome.class::isInstance).map(OperationOutcome.class::cast)
                .flatMap(outcome -> outcome.getIssue().stream())
                .anyMatch(issue -> issue.getSeverity() == OperationOutcome.IssueSeverity.ERROR
                        || issue.getSeverity() == OperationOutcome.IssueSeverity.FATAL);
    }

    private static Optional<String> next(Bundle bundle) {
        Bundle.BundleLinkComponent link = bundle.getLink(Bundle.LINK_NEXT);
        return link == null || !link.hasUrl() ? Optional.empty() : Optional.of(link.getUrl());
    }

    private static boolean isOperationOutcome(JsonNode sent) {
        return sent.isObject() && "OperationOutcome".equals(sent.path("resourceType").asText());
    }

    private static boolean fillable(String template, HookRequest request) {
        Matcher matcher = TOKEN.matcher(template);
        while (matcher.find()) {
            if (request.contextValue(matcher.group(1)).isEmpty()) {
                return false;
            }
        }
        return true;
    }

    /** The template with its context tokens replaced, each value URL-encoded. */
    static String query(String template, HookRequest request) {
        Matcher matcher = TOKEN.matcher(template);
        StringBuilder query = new StringBuilder();
        while (matcher.find()) {
            String value = request.contextValue(matcher.group(1)).orElseThrow(() -> new PreconditionFailedException(
                    "The context has no " + matcher.group(1) + " to fill the prefetch template."));
            matcher.appendReplacement(query, Matcher.quoteReplacement(
                    URLEncoder.encode(value, StandardCharsets.UTF_8)));
        }
        matcher.appendTail(query);
        return query.toString();
    }

    /** The resource type a template reads or searches: what precedes its first / or ?. */
    private static String resourceType(String template) {
        return template.split("[/?]", 2)[0];
    }

    static boolean hasPatient(List<Supplied> chart) {
        return chart.stream().anyMatch(s -> s.resource() instanceof Patient);
    }
}
