package dev.stagehand.gateway.history;

import dev.stagehand.api.chat.ChatRecord;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Chat records as CSV lines (RFC 4180). A cell that a spreadsheet would run as a formula (starting with {@code =},
 * {@code +}, {@code -}, {@code @}, tab or carriage return) gets a leading apostrophe, as OWASP advises: chat is
 * written by strangers.
 */
final class ChatCsv {

    static final String HEADER = "sent_at,kind,message_id,user_id,user_login,display_name,text\r\n";

    private ChatCsv() {
    }

    static String row(ChatRecord record) {
        ChatRecord.Chatter user = record.user();
        return Stream.of(String.valueOf(record.sentAt()), record.kind().name(), record.id(),
                        user == null ? null : user.id(), user == null ? null : user.login(),
                        user == null ? null : user.displayName(), record.text())
                .map(ChatCsv::cell)
                .collect(Collectors.joining(",", "", "\r\n"));
    }

    private static String cell(String value) {
        if (value == null) {
            return "";
        }
        String safe = !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
        return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
}
