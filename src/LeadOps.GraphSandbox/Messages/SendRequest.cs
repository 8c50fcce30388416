namespace LeadOps.GraphSandbox;

/// <summary>
/// A Send API call as sent: from a JSON body, or from form or query parameters holding JSON values
/// (<c>recipient={"id":…}</c>, <c>message={"text":…}</c>). Any part may be missing; <see cref="MessageRoutes"/> says which may not.
/// </summary>
internal sealed record SendRequest(string? RecipientId, string? MessagingType, string? Tag, string? Text)
{
    private static readonly SendRequest Empty = new(null, null, null, null);

    public static async Task<(SendRequest Request, GraphError? Error)> ReadAsync(GraphCall call)
    {
        var request = call.Http.Request;
        try
        {
            if (request.HasJsonContentType())
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: call.Http.RequestAborted);
                var root = document.RootElement;
                if (root.ValueKind != JsonValueKind.Object)
                {
                    return (Empty, GraphErrors.InvalidParameter("Invalid JSON body"));
                }

                return (new SendRequest(
                    root.TryGetProperty("recipient", out var r) ? RecipientOf(r) : null,
                    StringOf(root, "messaging_type"),
                    StringOf(root, "tag"),
                    root.TryGetProperty("message", out var m) ? TextOf(m) : null), null);
            }

            var recipient = call.Param("recipient");
            var message = call.Param("message");
            return (new SendRequest(
                recipient is null ? null : RecipientOf(Parse(recipient)),
                call.Param("messaging_type"),
                call.Param("tag"),
                message is null ? null : TextOf(Parse(message))), null);
        }
        catch (JsonException)
        {
            return (Empty, GraphErrors.InvalidParameter("Invalid JSON for postback payload"));
        }
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    private static string? RecipientOf(JsonElement e) => e.ValueKind == JsonValueKind.Object ? StringOf(e, "id") : null;

    private static string? TextOf(JsonElement e) => e.ValueKind == JsonValueKind.Object ? StringOf(e, "text") : null;

    /// <summary>A string property, or a number's digits (ids are sometimes sent as numbers).</summary>
    private static string? StringOf(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) ? p.ValueKind switch
        {
            JsonValueKind.String => p.GetString(),
            JsonValueKind.Number => p.GetRawText(),
            _ => null,
        } : null;
}
