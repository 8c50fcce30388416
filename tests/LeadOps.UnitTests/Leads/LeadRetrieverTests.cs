using System.Diagnostics.Metrics;
using LeadOps.Application.Common;
using LeadOps.Application.Common.Graph;
using LeadOps.Application.Common.Security;
using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Conversions;
using LeadOps.Application.Leads.Welcome;
using LeadOps.Application.Outgoing;
using LeadOps.Domain.Integrations;
using LeadOps.Domain.Leads;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadOps.UnitTests.Leads;

public sealed class LeadRetrieverTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task A_lead_that_cannot_be_read_is_reported_failed_the_others_are_stored_and_the_watermark_stops_before_it()
    {
        var good1 = Lead("1", Now.AddHours(-3));
        var bad = Lead("2", Now.AddHours(-2)) with { Problem = "created_time could not be read" };
        var good2 = Lead("3", Now.AddHours(-1));
        var source = new Mock<ILeadSource>();
        source.Setup(s => s.GetLeadPagesAsync(It.IsAny<GraphCredentials>(), "form-1", null, null, It.IsAny<CancellationToken>()))
            .Returns(Pages([good1, bad, good2]));
        var leads = new Mock<ILeadRepository>();
        leads.Setup(l => l.GetExistingFacebookLeadIdsAsync(It.IsAny<IReadOnlyCollection<string>>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new Dictionary<string, ExistingLead>());
        IReadOnlyList<Lead>? inserted = null;
        leads.Setup(l => l.InsertNewAsync(It.IsAny<IReadOnlyList<Lead>>(), It.IsAny<CancellationToken>()))
            .Callback<IReadOnlyList<Lead>, CancellationToken>((batch, _) => inserted = batch)
            .ReturnsAsync((IReadOnlyList<Lead> batch, CancellationToken _) => batch.Select(l => l.FacebookLeadId).ToHashSet());
        var retriever = Retriever(source.Object, leads.Object);
        var integration = new Integration { Id = 7, PageId = "page-1", ProtectedToken = "protected" };
        var form = new IntegrationForm { FormId = "form-1", Name = "Test ride" };

        var summary = await retriever.RetrieveAsync(integration, form, new RetrievalPlan(), CancellationToken.None);

        Assert.That(summary.NewLeads, Is.EqualTo(2));
        Assert.That(summary.FailedLeads, Is.EqualTo(1));
        Assert.That(summary.ProcessedLeads.Single(p => p.Status == ProcessedLeadStatus.Failed).Error, Is.EqualTo("created_time could not be read"));
        Assert.That(inserted!.Select(l => l.FacebookLeadId), Is.EquivalentTo(new[] { "1", "3" }));
        Assert.That(form.Watermark, Is.LessThan(bad.CreatedTime!.Value), "the watermark never moves past a lead that was not stored");
        Assert.That(summary.Message, Is.EqualTo("Retrieved 2 new leads and found 0 existing leads; 1 failed"));
    }

    private static LeadRetriever Retriever(ILeadSource source, ILeadRepository leads)
    {
        var protector = new Mock<ITokenProtector>();
        protector.Setup(p => p.Unprotect(It.IsAny<string>())).Returns("token");
        var meters = new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>();
        var metrics = new LeadMetrics(meters);
        var clock = new FakeTimeProvider(Now);
        var followUps = new LeadFollowUpPlanner(Mock.Of<IConversionsRepository>(), Mock.Of<IOutgoingWebhookStore>());
        var pages = new LeadPageStore(leads, new LeadAnswersFiller(leads, NullLogger<LeadAnswersFiller>.Instance), new WelcomePlanner(WelcomeAgeLimit.Default), followUps, metrics, clock, NullLogger<LeadPageStore>.Instance);
        return new LeadRetriever(source, pages, Mock.Of<IRetrievalRunRepository>(), protector.Object, Mock.Of<IUnitOfWork>(),
            metrics, clock, NullLogger<LeadRetriever>.Instance);
    }

    private static FacebookLeadData Lead(string id, DateTimeOffset created) =>
        new(id, created, "form-1", new LeadAttribution(null, null, null, null, null, null, false, "fb"),
            [new FacebookLeadAnswer("full_name", ["Ana Lima"]), new FacebookLeadAnswer("email", ["ana@example.com"])]);

    private static async IAsyncEnumerable<IReadOnlyList<FacebookLeadData>> Pages(IReadOnlyList<FacebookLeadData> page)
    {
        await Task.Yield();
        yield return page;
    }
}
