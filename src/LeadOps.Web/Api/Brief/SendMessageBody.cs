using System.Text.Json;
using static LeadOps.Web.Api.Brief.BriefResults;

namespace LeadOps.Web.Api.Brief;

/// <summary>
/// The body of the brief's <c>POST /admin/send-message</c>, read the way FastAPI reads its model: a JSON object whose
/// four fields are present, strings, and UUIDs where the brief says so. What the body gets wrong is in <see cref="Problems"/>
/// (a field left null there is one of them); the message rules themselves belong to the command's validator.
/// </summary>
internal sealed class SendMessageBody
{
    private readonly List<FieldProblem> _problems = [];

    private SendMessageBody()
    {
    }

    public Guid? ConversationId { get; private set; }

    public string? RecipientId { get; private set; }

    public string? MessageText { get; private set; }

    public Guid? AdminId { get; private set; }

    public IReadOnlyList<FieldProblem> Problems => _problems;

    /// <summary>Whether the body itself already has a problem with this field (by its wire name).</summary>
    public bool HasProblem(string field) => _problems.Any(p => p.Field == field);

    public static async Task<SendMessageBody> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        var body = new SendMessageBody();
        try
        {
            using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: ct);
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                body._problems.Add(new FieldProblem(null, "The body must be a JSON object.", "model_attributes_type"));
                return body;
            }

            var root = document.RootElement;
            body.ConversationId = body.RequiredUuid(root, "conversation_id");
            body.RecipientId = body.RequiredString(root, "recipient_id");
            body.MessageText = body.RequiredString(root, "message_text");
            body.AdminId = body.RequiredUuid(root, "admin_id");
        }
        catch (JsonException)
        {
            body._problems.Add(new FieldProblem(null, "The body is not valid JSON.", "json_invalid"));
        }

        return body;
    }

    private string? RequiredString(JsonElement body, string name)
    {
        if (!body.TryGetProperty(name, out var value) || value.ValueKind == JsonValueKind.Null)
        {
            _problems.Add(new(name, $"{name} is required.", "missing"));
            return null;
        }

        if (value.ValueKind != JsonValueKind.String)
        {
            _problems.Add(new(name, $"{name} must be a string.", "string_type"));
            return null;
        }

        try
        {
            return value.GetString();
        }
        catch (InvalidOperationException)
        {
            // System.Text.Json checks a string's UTF-8 only when it is read: bad bytes are the caller's mistake, not a 500.
            _problems.Add(new(name, $"{name} must be valid UTF-8 text.", "string_unicode"));
            return null;
        }
    }

    private Guid? RequiredUuid(JsonElement body, string name)
    {
        if (RequiredString(body, name) is not { } text)
        {
            return null;
        }

        if (!Guid.TryParse(text, out var id))
        {
            _problems.Add(new(name, $"{name} must be a UUID.", "uuid_parsing"));
            return null;
        }

        return id;
    }
}
