namespace LeadOps.GraphSandbox;

/// <summary>
/// A Send API call as sent: from a JSON body, or from form or multipart parameters holding JSON values
/// (<c>recipient={"id":…}</c>, <c>message={"text":…}</c> or <c>message={"attachment":…}</c> with the file in
/// <c>filedata</c>), or a <c>sender_action</c>. Any part may be missing; <see cref="MessageRoutes"/> says which may not.
/// </summary>
internal sealed record SendRequest(string? RecipientId, string? MessagingType, string? Tag, string? Text)
{
    private static readonly SendRequest Empty = new(null, null, null, null);

    public string? SenderAction { get; init; }

    /// <summary>The attachment's type (image, file…), when the message is one.</summary>
    public string? AttachmentType { get; init; }

    public string? AttachmentUrl { get; init; }

    public IFormFile? FileData { get; init; }

    public string? TargetAppId { get; init; }

    public string? Metadata { get; init; }

    /// <summary>The message's own <c>metadata</c> (<c>message.metadata</c>), which Meta gives back on its echo.</summary>
    public string? MessageMetadata { get; init; }

    public static async Task<(SendRequest Request, GraphError? Error)> ReadAsync(GraphCall call)
    {
        var request = call.Http.Request;
        try
        {
            if (request.HasJsonContentType())
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: call.Http.RequestAborted);
                var root = document.RootElement;
                return root.ValueKind != JsonValueKind.Object
                    ? (Empty, GraphErrors.InvalidParameter("Invalid JSON body"))
                    : (Read(root.TryGetProperty("recipient", out var r) ? r : null, root.TryGetProperty("message", out var m) ? m : null, s => StringOf(root, s)), null);
            }

            var form = request.HasFormContentType ? await request.ReadFormAsync(call.Http.RequestAborted) : null;
            var recipient = call.Param("recipient");
            var message = call.Param("message");
            return (Read(recipient is null ? null : Parse(recipient), message is null ? null : Parse(message), call.Param) with
            {
                FileData = form?.Files.GetFile("filedata"),
            }, null);
        }
        catch (JsonException)
        {
            return (Empty, GraphErrors.InvalidParameter("Invalid JSON for postback payload"));
        }
    }

    private static SendRequest Read(JsonElement? recipient, JsonElement? message, Func<string, string?> param)
    {
        var attachment = message is { ValueKind: JsonValueKind.Object } m && m.TryGetProperty("attachment", out var a) && a.ValueKind == JsonValueKind.Object ? a : (JsonElement?)null;
        var payload = attachment is { } at && at.TryGetProperty("payload", out var p) && p.ValueKind == JsonValueKind.Object ? p : (JsonElement?)null;
        return new SendRequest(
            recipient is { ValueKind: JsonValueKind.Object } r ? StringOf(r, "id") : null,
            param("messaging_type"),
            param("tag"),
            message is { ValueKind: JsonValueKind.Object } text ? StringOf(text, "text") : null)
        {
            SenderAction = param("sender_action"),
            AttachmentType = attachment is { } t ? StringOf(t, "type") : null,
            AttachmentUrl = payload is { } u ? StringOf(u, "url") : null,
            TargetAppId = param("target_app_id"),
            Metadata = param("metadata"),
            MessageMetadata = message is { ValueKind: JsonValueKind.Object } withMetadata ? StringOf(withMetadata, "metadata") : null,
        };
    }

    private static JsonElement Parse(string json)
    {
        using var document = JsonDocument.Parse(json);
        return document.RootElement.Clone();
    }

    /// <summary>A string property, or a number's digits (ids are sometimes sent as numbers).</summary>
    private static string? StringOf(JsonElement e, string name) =>
        e.TryGetProperty(name, out var p) ? p.ValueKind switch
        {
            JsonValueKind.String => p.GetString(),
            JsonValueKind.Number => p.GetRawText(),
            _ => null,
        } : null;
}
