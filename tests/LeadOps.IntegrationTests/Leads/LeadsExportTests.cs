using System.Globalization;
using System.Text;
using LeadOps.Application.Integrations.Commands;
using LeadOps.Application.Leads;
using LeadOps.Domain.Integrations;
using LeadOps.Domain.Leads;
using LeadOps.GraphSandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The leads CSV (<c>GET /api/leads/export</c>) of one form, one column per question: field_data may send a name more
/// than once, and the column keeps every value of every answer of that name in field_data order (as the leads API
/// keeps each answer, <see cref="LeadsApiTests"/>).
/// </summary>
public sealed class LeadsExportTests(DatabaseKind database) : AppFixture(database)
{
    private const string Form = SandboxSeed.MainTestRideFormId;

    protected override TestAppBuilder Configure(TestAppBuilder app) => app.WithSandbox(new SandboxOptions { InitialLeadsPerForm = 0 });

    [Test]
    public async Task A_name_sent_twice_keeps_every_value_in_its_questions_column_in_field_data_order()
    {
        var staff = await App.NewUserAsync();
        var connected = await App.SendAsync(staff, new ConnectIntegration(SandboxSeed.MainPageToken, "Main page"));
        Assert.That(connected.IsSuccess, Is.True, connected.Error);
        await using (var scope = App.ScopeFor(staff.Id))
        {
            var db = App.Db(scope);
            var form = await db.IntegrationForms.SingleAsync(f => f.FormId == Form);
            form.UseQuestions(
            [
                new LeadFormQuestion("which_bike", "Which bike?", [new LeadFormOption("city", "City bike"), new LeadFormOption("cargo", "Cargo bike")]),
                new LeadFormQuestion("email", "E-mail", []),
            ]);
            await db.SaveChangesAsync();
            var lead = new Lead
            {
                FacebookLeadId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
                PageId = SandboxSeed.MainPageId,
                FormId = Form,
                FullName = "Rita Resposta",
                Email = "rita@example.test",
                CreatedTime = DateTimeOffset.UtcNow,
                FirstSeenAt = DateTimeOffset.UtcNow,
                Source = LeadSource.Webhook,
                AnswersJson = """
                    [{"name":"which_bike","values":["city","gravel"]},{"name":"email","values":["rita@example.test"]},{"name":"which_bike","values":["cargo"]},{"name":"which_bike","values":[]}]
                    """,
            };
            var inserted = await scope.ServiceProvider.GetRequiredService<ILeadRepository>().InsertNewAsync([lead], CancellationToken.None);
            Assert.That(inserted, Has.Count.EqualTo(1));
        }

        using var api = App.ApiClient(staff);
        using var response = await api.GetAsync($"/api/leads/export?form_id={Form}");
        var csv = Encoding.UTF8.GetString(await response.Content.ReadAsByteArrayAsync()).TrimStart('\uFEFF');

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.That(lines, Has.Length.EqualTo(2), csv);
        Assert.Multiple(() =>
        {
            Assert.That(lines[0], Does.Contain(",phone,Which bike?,E-mail,other_answers,consents,"));
            Assert.That(lines[1], Does.Contain(",\"City bike, gravel; Cargo bike\",rita@example.test,,"), "every answer of which_bike, in field_data order");
        });
    }
}
