using Microsoft.Extensions.DependencyInjection;
using LeadOps.Domain.Common;
using LeadOps.Domain.Integrations;
using LeadOps.Domain.Leads;
using LeadOps.Infrastructure.Persistence;
using Microsoft.EntityFrameworkCore;

namespace LeadOps.IntegrationTests.Platform;

/// <summary>
/// Limits in one place: every text column of the lead pipeline has the limit its Domain entity declares, on each
/// provider's model, except the JSON and body columns, whose contents the Domain bounds itself.
/// </summary>
public sealed class TextLimitTests(DatabaseKind database) : AppFixture(database)
{
    private static readonly Type[] Entities = [typeof(Lead), typeof(LeadFailure), typeof(OutboxMessage), typeof(RetrievalRun), typeof(Integration), typeof(IntegrationForm), typeof(WebhookDelivery), typeof(WebhookDeliveryPage)];

    /// <summary>Unlimited on purpose: bounded by <c>Lead.FitAnswers</c>, <c>Lead.FitConsents</c>, <c>LeadFormQuestion.Fit</c>, the run's item cap, and the webhook's body limit.</summary>
    private static readonly string[] Unlimited = ["Lead.AnswersJson", "Lead.ConsentsJson", "IntegrationForm.QuestionsJson", "RetrievalRun.ItemsJson", "WebhookDelivery.Body"];

    [Test]
    public async Task Every_text_column_of_the_lead_pipeline_has_its_domain_limit()
    {
        await using var scope = App.Services.CreateAsyncScope();
        var model = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>().Model;

        var unbounded = Entities
            .SelectMany(type => model.FindEntityType(type)!.GetProperties()
                .Where(p => p.ClrType == typeof(string) && p.GetMaxLength() is null && p.GetValueConverter() is null)
                .Select(p => $"{type.Name}.{p.Name}"))
            .Except(Unlimited)
            .ToList();

        Assert.That(unbounded, Is.Empty);
        Assert.That(model.FindEntityType(typeof(Lead))!.FindProperty(nameof(Lead.AdName))!.GetMaxLength(), Is.EqualTo(Lead.NameLength));
        Assert.That(model.FindEntityType(typeof(Lead))!.FindProperty(nameof(Lead.Platform))!.GetMaxLength(), Is.EqualTo(Lead.PlatformLength));
        Assert.That(model.FindEntityType(typeof(WebhookDeliveryPage))!.FindProperty(nameof(WebhookDeliveryPage.PageId))!.GetMaxLength(), Is.EqualTo(FacebookId.MaxLength));
    }
}
