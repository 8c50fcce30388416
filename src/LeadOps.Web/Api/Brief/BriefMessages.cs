using System.Security.Claims;
using FluentValidation;
using FluentValidation.Results;
using LeadOps.Application.Conversations.Commands;
using static LeadOps.Web.Api.Brief.BriefContracts;
using static LeadOps.Web.Api.Brief.BriefResults;

namespace LeadOps.Web.Api.Brief;

/// <summary>
/// The brief's two messaging endpoints. The message rules are the commands' validators; these endpoints only read the
/// request and put the validators' failures into the brief's 422 shape.
/// </summary>
internal static class BriefMessages
{
    public const string DefaultTestMessage = "Hello from LeadOps!";

    /// <summary>What FastAPI's request model checked on the body; the command's other rules come after (see <see cref="SendAdminMessageAsync"/>).</summary>
    private static readonly string[] BodyRules = [nameof(SendAdminMessage.MessageText), nameof(SendAdminMessage.RecipientId)];

    /// <summary>
    /// <c>POST /admin/send-message</c>: 401 (before this runs), 422 for a malformed body, 404 for a conversation that is
    /// not the caller's, 422 for the wrong recipient, 409 for an Idempotency-Key used for another message, else 200 with
    /// the send's outcome. The body's problems (its shape and
    /// the message_text and recipient_id rules) are reported together; the command's other rules (a nil conversation
    /// id, an over-long Idempotency-Key) once the body is sound.
    /// </summary>
    public static async Task<Results<Ok<SendMessageResponse>, JsonHttpResult<DetailBody>, JsonHttpResult<UnprocessableBody>>> SendAdminMessageAsync(
        HttpContext http, ISender sender, IValidator<SendAdminMessage> validator, CancellationToken ct)
    {
        var body = await SendMessageBody.ReadAsync(http.Request, ct);
        if (body.Problems is [{ Field: null }, ..])
        {
            return Unprocessable(body.Problems);
        }

        var command = new SendAdminMessage(
            body.ConversationId ?? Guid.Empty, body.MessageText ?? string.Empty, body.RecipientId, IdempotencyKey.Of(http.Request), AuditNote(body.AdminId, http.User));
        var failures = (await validator.ValidateAsync(command, ct)).Errors.Where(f => !body.HasProblem(WireJson.Name(f.PropertyName))).ToList();
        List<FieldProblem> problems = [.. body.Problems, .. Problems(failures.Where(f => BodyRules.Contains(f.PropertyName)), "body", BodyType)];
        if (problems.Count == 0)
        {
            problems = [.. Problems(failures, "body", BodyType)];
        }

        if (problems.Count > 0)
        {
            return Unprocessable(problems);
        }

        var result = await sender.Send(command, ct);
        return result.Status switch
        {
            ResultStatus.NotFound => Detail("Conversation not found", StatusCodes.Status404NotFound),
            ResultStatus.Conflict => Detail(result.Error!, StatusCodes.Status409Conflict),
            ResultStatus.Unprocessable => Unprocessable([new("recipient_id", "recipient_id is not this conversation's customer.", "value_error")]),
            _ => TypedResults.Ok(SendMessageResponse.From(result.Value!)),
        };
    }

    /// <summary><c>POST /test-message?recipient_id=&amp;message=</c>: the admin only, to a customer with a conversation (the latest one).</summary>
    public static async Task<Results<Ok<TestMessageResponse>, JsonHttpResult<TestMessageResponse>, JsonHttpResult<UnprocessableBody>>> SendTestMessageAsync(
        HttpRequest request, ISender sender, IValidator<SendTestMessage> validator, CancellationToken ct)
    {
        var recipientId = request.Query["recipient_id"].ToString();
        var message = request.Query.TryGetValue("message", out var m) && m.Count > 0 ? m.ToString() : DefaultTestMessage;
        if (string.IsNullOrWhiteSpace(recipientId))
        {
            return Unprocessable([new FieldProblem("recipient_id", "recipient_id is required.", "missing", "query")]);
        }

        var command = new SendTestMessage(recipientId, message);
        if ((await validator.ValidateAsync(command, ct)).Errors is { Count: > 0 } failures)
        {
            return Unprocessable([.. Problems(failures, "query", _ => "value_error")]);
        }

        var result = await sender.Send(command, ct);
        return result.Status == ResultStatus.NotFound
            ? TypedResults.Json(TestMessageResponse.Failed("No conversation with this recipient"), statusCode: StatusCodes.Status404NotFound)
            : TypedResults.Ok(TestMessageResponse.From(result.Value!));
    }

    /// <summary>FastAPI's type for a failure: the one the rule names (string_too_short, string_too_long), else value_error.</summary>
    private static string BodyType(ValidationFailure failure) =>
        failure.ErrorCode is "string_too_short" or "string_too_long" ? failure.ErrorCode : "value_error";

    /// <summary>The audit says so when the body's admin_id is not the caller.</summary>
    private static string? AuditNote(Guid? adminId, ClaimsPrincipal user) =>
        adminId is { } a && !string.Equals(a.ToString(), user.FindFirstValue(ClaimTypes.NameIdentifier), StringComparison.OrdinalIgnoreCase)
            ? $"admin_id {a}"
            : null;
}
