using LeadOps.Application.Outgoing;

namespace LeadOps.Infrastructure.Outgoing;

/// <summary>
/// Checks the fan-out settings of <c>OutgoingWebhooks</c> at start, so a bad value stops the app with a message naming
/// it instead of setting every failing event aside at once (0 tries) or making its next try a date that cannot be.
/// </summary>
internal sealed class OutgoingWebhookOptionsValidator : IValidateOptions<OutgoingWebhookOptions>
{
    public ValidateOptionsResult Validate(string? name, OutgoingWebhookOptions options) =>
        options.FanOutProblems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
