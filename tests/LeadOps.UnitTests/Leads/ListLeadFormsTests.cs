using LeadOps.Application.Common;
using LeadOps.Application.Integrations;
using LeadOps.Application.Leads.Commands;
using LeadOps.Application.Leads.Queries;
using LeadOps.Domain.Integrations;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace LeadOps.UnitTests.Leads;

public sealed class ListLeadFormsTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Test]
    public async Task Lists_the_forms_of_every_page_active_ones_first_or_of_one_integration()
    {
        var handler = Handler(Integration(1, "p1", ("f2", "Brochure", "ARCHIVED"), ("f1", "Test ride", "ACTIVE")), Integration(2, "p2", ("f3", "Quote", "ACTIVE")));

        var all = await handler.Handle(new ListLeadForms(), CancellationToken.None);
        var one = await handler.Handle(new ListLeadForms(2), CancellationToken.None);

        Assert.That(all.Value!.Select(f => (f.FormId, f.IntegrationId, f.PageId)), Is.EqualTo(new[] { ("f1", 1, "p1"), ("f2", 1, "p1"), ("f3", 2, "p2") }));
        Assert.That(one.Value!.Select(f => f.FormId), Is.EqualTo(new[] { "f3" }));
    }

    [Test]
    public async Task An_integration_the_user_does_not_have_is_the_briefs_not_found()
    {
        var result = await Handler(Integration(1, "p1")).Handle(new ListLeadForms(9), CancellationToken.None);
        Assert.That((result.Status, result.Error), Is.EqualTo((ResultStatus.NotFound, (string?)RetrievalRefusal.IntegrationNotFound)));
    }

    private static ListLeadFormsHandler Handler(params Integration[] integrations)
    {
        var repository = new Mock<IIntegrationRepository>();
        repository.Setup(r => r.ListAsync(It.IsAny<CancellationToken>())).ReturnsAsync(integrations);
        return new ListLeadFormsHandler(repository.Object, new FakeTimeProvider(Now));
    }

    private static Integration Integration(int id, string pageId, params (string Id, string Name, string Status)[] forms)
    {
        var integration = new Integration { Id = id, PageId = pageId, Name = $"Page {id}" };
        integration.MergeForms(forms.Select(f => new LeadFormListing(f.Id, f.Name, f.Status, null)), Now);
        return integration;
    }
}
