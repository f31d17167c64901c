package org.footpain.http;

import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;

/**
 * What the service answers to a POST that declares a body and waits on {@code Expect: 100-continue} without
 * sending a byte of it, as curl does for large bodies: the answer must come from the headers alone. A raw socket,
 * since the JDK 17 HttpClient hangs when such a final answer carries a body and RestAssured would write the body
 * into a closed connection.
 *
 * @param head the status line and headers
 * @param body the body, empty when there is none
 */
public record DeclaredBody(String head, String body) {

    public static DeclaredBody answer(URI uri, String contentType, long contentLength) throws IOException {
        try (Socket socket = new Socket(uri.getHost(), uri.getPort())) {
            socket.setSoTimeout(10_000);
            String head = "POST " + uri.getRawPath() + " HTTP/1.1\r\n"
                    + "Host: " + uri.getHost() + ":" + uri.getPort() + "\r\n"
                    + "Content-Type: " + contentType + "\r\n"
                    + "Content-Length: " + contentLength + "\r\n"
                    + "Expect: 100-continue\r\n\r\n";
            socket.getOutputStream().write(head.getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            String[] parts = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8)
                    .split("\r\n\r\n", 2);
            return new DeclaredBody(parts[0], parts.length > 1 ? parts[1] : "");
        }
    }
}
