using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using LeadOps.Application.Leads;
using LeadOps.Application.Leads.Stages.Commands;
using LeadOps.Domain.Leads;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Leads;

/// <summary>
/// The house API's leads (<c>GET /api/leads</c>, <c>GET /api/leads/{id}</c>): each with its stage (key and the name the
/// user gives it now, null when the lead has none), and every answer of field_data in order with its own values, also
/// when Meta sends a name more than once.
/// </summary>
public sealed class LeadsApiTests(DatabaseKind database) : AppFixture(database)
{
    [Test]
    public async Task A_lead_and_the_list_say_its_stage_by_key_and_the_users_name_for_it()
    {
        var staff = await App.NewUserAsync();
        var id = await AddLeadAsync(staff, "[]");
        using var api = App.ApiClient(staff);

        var fresh = await api.GetFromJsonAsync<JsonElement>($"/api/leads/{id}");
        Assert.That(fresh.GetProperty("stage").GetProperty("key").GetString(), Is.EqualTo("new"));
        Assert.That(fresh.GetProperty("stage").GetProperty("name").GetString(), Is.EqualTo("New"));

        var renamed = await App.SendAsync(staff.Id, new SaveStage("qualified", "Hot"));
        Assert.That(renamed.IsSuccess, Is.True, renamed.Error);
        var moved = await App.SendAsync(staff.Id, new ChangeLeadStage([id], "qualified"));
        Assert.That(moved.Value, Is.EqualTo(1), moved.Error);

        var one = await api.GetFromJsonAsync<JsonElement>($"/api/leads/{id}");
        var listed = (await api.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("leads").EnumerateArray().Single(l => l.GetProperty("id").GetInt64() == id);
        foreach (var stage in new[] { one.GetProperty("stage"), listed.GetProperty("stage") })
        {
            Assert.That(stage.GetRawText(), Is.EqualTo("""{"key":"qualified","name":"Hot"}"""));
        }
    }

    [Test]
    public async Task A_lead_without_a_stage_has_a_null_stage()
    {
        var staff = await App.NewUserAsync();
        var id = await AddLeadAsync(staff, "[]");
        await using (var scope = App.ScopeFor(staff.Id))
        {
            await App.Db(scope).Leads.Where(l => l.Id == id).ExecuteUpdateAsync(s => s.SetProperty(l => l.StageKey, string.Empty));
        }

        using var api = App.ApiClient(staff);
        var one = await api.GetFromJsonAsync<JsonElement>($"/api/leads/{id}");
        var listed = (await api.GetFromJsonAsync<JsonElement>("/api/leads")).GetProperty("leads").EnumerateArray().Single(l => l.GetProperty("id").GetInt64() == id);

        Assert.That(one.GetProperty("stage").ValueKind, Is.EqualTo(JsonValueKind.Null));
        Assert.That(listed.GetProperty("stage").ValueKind, Is.EqualTo(JsonValueKind.Null));
    }

    [Test]
    public async Task A_name_sent_twice_in_field_data_is_two_answers_each_with_its_own_values_in_order()
    {
        var staff = await App.NewUserAsync();
        // As LeadOps stores field_data: every answer in Meta's order, a repeated name kept as its own answer.
        var id = await AddLeadAsync(staff, """
            [{"name":"which_bike","values":["city","gravel"]},{"name":"email","values":["rita@example.test"]},{"name":"which_bike","values":["cargo"]},{"name":"which_bike","values":[]}]
            """);
        using var api = App.ApiClient(staff);

        var answers = (await api.GetFromJsonAsync<JsonElement>($"/api/leads/{id}")).GetProperty("answers").EnumerateArray().ToList();

        Assert.That(answers.Select(a => a.GetProperty("name").GetString()), Is.EqualTo(new[] { "which_bike", "email", "which_bike", "which_bike" }));
        Assert.That(answers.Select(a => string.Join("|", a.GetProperty("values").EnumerateArray().Select(v => v.GetString()))), Is.EqualTo(new[] { "city|gravel", "rita@example.test", "cargo", "" }));
        Assert.That(answers.Select(a => string.Join("|", a.GetProperty("labels").EnumerateArray().Select(v => v.GetString()))), Is.EqualTo(new[] { "city|gravel", "rita@example.test", "cargo", "" }));
    }

    private async Task<long> AddLeadAsync(TestUser staff, string answersJson)
    {
        await using var scope = App.ScopeFor(staff.Id);
        var lead = new Lead
        {
            FacebookLeadId = Random.Shared.NextInt64(1_000_000_000_000, 9_999_999_999_999).ToString(CultureInfo.InvariantCulture),
            PageId = "108240000000001",
            FormId = "206170000000011",
            FullName = "Rita Resposta",
            Email = "rita@example.test",
            CreatedTime = DateTimeOffset.UtcNow,
            FirstSeenAt = DateTimeOffset.UtcNow,
            Source = LeadSource.Webhook,
            AnswersJson = answersJson.Trim(),
        };
        var inserted = await scope.ServiceProvider.GetRequiredService<ILeadRepository>().InsertNewAsync([lead], CancellationToken.None);
        Assert.That(inserted, Has.Count.EqualTo(1));
        return lead.Id;
    }
}
