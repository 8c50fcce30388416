using System.Globalization;
using LeadOps.Application.Integrations;
using LeadOps.Application.Leads.Stages;
using LeadOps.Domain.Leads.Conversions;

namespace LeadOps.Application.Leads.Conversions;

/// <summary>
/// Sends one Conversions API event that <paramref name="Worker"/> has claimed, as its owner: skipped when the lead's
/// integration has no dataset linked, the lead has no Facebook lead id or the entry is older than Meta's 7 days;
/// otherwise sent, and what was sent is kept with Meta's answer. An outage is retried with backoff; Meta's refusal
/// (an invalid parameter, an unknown lead, a bad token) is Failed at once with Meta's code and message, and so is a stored
/// dataset token the key ring can no longer read (nothing is sent: the dataset must be linked again).
/// <paramref name="PreviousClaimLapsed"/>: the claim before this one ended without an outcome (Meta may have the event).
/// </summary>
public sealed record DeliverConversionEvent(long ConversionEventId, string Worker, bool PreviousClaimLapsed = false) : ICommand<ConversionEventStatus?>;

internal sealed class DeliverConversionEventHandler(
    IConversionsRepository conversions,
    IStageRepository stages,
    IConversionsGateway gateway,
    ITokenProtector protector,
    ConversionsRetryPolicy policy,
    IUnitOfWork unitOfWork,
    TimeProvider clock,
    ILogger<DeliverConversionEventHandler> logger) : ICommandHandler<DeliverConversionEvent, ConversionEventStatus?>
{
    public const string NoDataset = "No Meta dataset is linked to the lead's integration: nothing was sent.";
    public const string NoLeadId = "The lead has no Facebook lead id Meta could match: nothing was sent.";
    public const string TooOld = "The stage was entered more than 7 days ago, beyond what Meta accepts: nothing was sent.";

    /// <summary>What an event says when its dataset's stored token cannot be read: nothing left for Meta.</summary>
    public const string TokenUnreadable = "Nothing was sent to Meta. " + GraphFailureText.DatasetTokenUnreadable;

    /// <summary>What an event Failed past its last attempt says when the attempt before may have sent it.</summary>
    public const string MayAlreadyHaveIt = "Meta may already have this event.";

    public async ValueTask<ConversionEventStatus?> Handle(DeliverConversionEvent command, CancellationToken cancellationToken)
    {
        var conversion = await conversions.GetClaimedAsync(command.ConversionEventId, command.Worker, cancellationToken);
        if (conversion?.Lead is not { } lead)
        {
            return null;
        }

        var now = clock.GetUtcNow();
        var link = lead.IntegrationId is { } integrationId ? await conversions.GetLinkAsync(integrationId, cancellationToken) : null;
        var time = ConversionEvent.EventTime(conversion.EnteredAt, lead.CreatedTime, now);
        var skip = link is null ? NoDataset : !LeadStageHandler.HasFacebookLeadId(lead) ? NoLeadId : time is null ? TooOld : null;
        if (skip is not null || link is null || time is null)
        {
            conversion.MarkSkipped(skip ?? NoDataset);
        }
        else if (conversion.GiveUpPastLastAttempt(policy.MaxAttempts, command.PreviousClaimLapsed, MayAlreadyHaveIt, conversion.Error) is { } reason)
        {
            conversion.MarkFailed(reason, conversion.FbTraceId); // the failure it quotes keeps its trace id
        }
        else if (protector.UnprotectOrNull(link.AccessTokenProtected) is not { } token)
        {
            // As an unusable token (Meta's 190): failed at once, not retried; and nothing reached Meta, so the event
            // says so instead of ending as a lapsed claim that "Meta may already have".
            conversion.MarkFailed(TokenUnreadable, null);
        }
        else
        {
            var all = await stages.ListStagesAsync(cancellationToken);
            var name = all.FirstOrDefault(s => s.Key == conversion.StageKey)?.EventName ?? conversion.StageKey;
            var request = new ConversionRequest(name, time.Value.ToUnixTimeSeconds(), long.Parse(lead.FacebookLeadId, CultureInfo.InvariantCulture), link.TestEventCode);
            conversion.Attempted(request.ToJson(), link.TestEventCode is not null);
            await SendAsync(conversion, link.DatasetId, token, request, cancellationToken);
        }

        await unitOfWork.SaveChangesAsync(cancellationToken);
        logger.LogInformation(
            "Conversions API event {ConversionEventId} for lead {LeadId}: {Status} after attempt {Attempt}", conversion.Id, lead.Id, conversion.Status, conversion.Attempts);
        return conversion.Status;
    }

    private async Task SendAsync(ConversionEvent conversion, string datasetId, string accessToken, ConversionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            var answer = await gateway.SendAsync(datasetId, accessToken, request, cancellationToken);
            conversion.MarkSent(clock.GetUtcNow(), answer.EventsReceived, answer.FbTraceId);
        }
        catch (GraphApiException ex)
        {
            var failure = ex.Failure;
            var said = failure.Code is { } code
                ? $"Meta refused the event (code {code}{(failure.Subcode is { } sub ? $", subcode {sub}" : "")}): {failure.Message}"
                : $"Meta could not be reached: {failure.Message}";
            var outage = failure.Kind is GraphFailureKind.Transient or GraphFailureKind.RateLimited || failure.HttpStatus is null or >= 500;
            if (outage && conversion.Attempts < policy.MaxAttempts)
            {
                conversion.RetryAt(clock.GetUtcNow() + policy.DelayAfter(conversion.Attempts), said, failure.FbTraceId);
            }
            else
            {
                conversion.MarkFailed(outage ? $"{said} (gave up after {conversion.Attempts} attempts)" : said, failure.FbTraceId);
            }
        }
    }
}
