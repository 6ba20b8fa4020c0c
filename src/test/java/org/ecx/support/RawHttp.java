package org.ecx.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/**
 * HTTP/1.1 over a plain socket, for requests that HTTP clients refuse to send (a <code>{</code> in the path,
 * a header with a control character, a huge request line, a Content-Length larger than the body sent).
 */
public final class RawHttp {

    /** Status, Content-Type and body of a response. */
    public record Reply(int status, String contentType, String body) {
    }

    private RawHttp() {
    }

    /** Sends {@code head} (request line and headers, without the blank line) and {@code body}; reads the reply. */
    public static Reply send(String head, byte[] body) throws IOException {
        try (Socket socket = new Socket("localhost", io.restassured.RestAssured.port)) {
            socket.setSoTimeout(20_000);
            OutputStream out = socket.getOutputStream();
            out.write((head + "\r\nHost: localhost\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            if (body != null) {
                out.write(body);
            }
            out.flush();
            return read(socket.getInputStream());
        }
    }

    private static Reply read(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[8192];
        try {
            for (int n; (n = in.read(buf)) > 0; ) {
                all.write(buf, 0, n);
                if (complete(all.toString(StandardCharsets.ISO_8859_1))) {
                    break; // the server may keep the connection open while it waits for a body it refused
                }
            }
        } catch (java.net.SocketException e) {
            // the server may reset the connection after answering an oversize request
        }
        String text = all.toString(StandardCharsets.ISO_8859_1);
        int end = text.indexOf("\r\n\r\n");
        String head = end < 0 ? text : text.substring(0, end);
        String body = end < 0 ? "" : text.substring(end + 4);
        String[] lines = head.split("\r\n");
        int status = lines.length > 0 && lines[0].startsWith("HTTP/") ? Integer.parseInt(lines[0].split(" ")[1]) : -1;
        return new Reply(status, header(lines, "content-type"), body);
    }

    private static String header(String[] lines, String name) {
        for (String line : lines) {
            if (line.toLowerCase().startsWith(name + ":")) {
                return line.substring(name.length() + 1).trim();
            }
        }
        return null;
    }

    /** Whether the text holds a whole response with a Content-Length. */
    private static boolean complete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String length = header(text.substring(0, end).split("\r\n"), "content-length");
        return length != null && text.length() - end - 4 >= Integer.parseInt(length);
    }
}
