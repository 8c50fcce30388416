using System.Net;
using System.Text.Json;
using System.Globalization;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.GraphSandbox;

public sealed class GraphSandboxLeadsTests : SandboxFixture
{
    private const string Form = SandboxSeed.MainTestRideFormId;
    private const string AllLeadFields = "id,created_time,ad_id,ad_name,adset_id,adset_name,campaign_id,campaign_name,form_id,field_data,is_organic,platform";

    protected override SandboxOptions SandboxOptions() => new() { InitialLeadsPerForm = 0 };

    [Test]
    public async Task Leadgen_forms_lists_two_active_and_one_archived_form_with_lead_counts()
    {
        Graph.AddLeads(Form, 7);

        var forms = await Http.GetAsync("me/leadgen_forms?fields=id,name,status,locale,created_time,leads_count");

        var data = forms.Json.GetProperty("data").EnumerateArray().ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(data.Select(f => f.GetProperty("id").GetString()),
                Is.EquivalentTo(new[] { SandboxSeed.MainTestRideFormId, SandboxSeed.MainServiceFormId, SandboxSeed.MainArchivedFormId }));
            Assert.That(data.Count(f => f.GetProperty("status").GetString() == "ACTIVE"), Is.EqualTo(2));
            Assert.That(data.Single(f => f.GetProperty("id").GetString() == Form).GetProperty("leads_count").GetInt32(), Is.EqualTo(7));
            Assert.That(data[0].GetProperty("created_time").GetString(), Does.Match(@"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\+0000$"));
        }
    }

    [Test]
    public async Task Paging_1000_leads_with_a_cap_of_25_returns_each_lead_once_in_40_calls()
    {
        Graph.AddLeads(Form, 1000);

        var (ids, calls) = await WalkAsync(Http, $"{Form}/leads?fields=id,created_time&limit=100");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(calls, Is.EqualTo(40));
            Assert.That(ids, Has.Count.EqualTo(1000));
            Assert.That(ids, Is.Unique);
        }
    }

    [Test]
    public async Task Next_links_are_full_urls_without_any_token()
    {
        Graph.AddLeads(Form, 30);

        var page = await Http.GetAsync($"{Form}/leads?limit=10");
        var next = page.Json.GetProperty("paging").GetProperty("next").GetString()!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(next, Does.StartWith($"{Sandbox.BaseAddress}v25.0/{Form}/leads?"));
            Assert.That(next, Does.Contain("after="));
            Assert.That(next, Does.Not.Contain("access_token"));
            Assert.That(next, Does.Not.Contain(SandboxSeed.MainPageToken));
            Assert.That(page.Json.GetProperty("paging").GetProperty("cursors").GetProperty("after").GetString(), Is.Not.Empty);
        }
    }

    [Test]
    public async Task The_last_page_has_no_next()
    {
        Graph.AddLeads(Form, 3);

        var page = await Http.GetAsync($"{Form}/leads");

        Assert.That(page.Json.GetProperty("data").GetArrayLength(), Is.EqualTo(3));
        Assert.That(page.Json.GetProperty("paging").TryGetProperty("next", out _), Is.False);
    }

    [Test]
    public async Task Previous_links_walk_back_to_the_first_page()
    {
        Graph.AddLeads(Form, 30);

        var first = await Http.GetAsync($"{Form}/leads?limit=10");
        var second = await Http.GetAsync(first.Json.GetProperty("paging").GetProperty("next").GetString()!);
        var back = await Http.GetAsync(second.Json.GetProperty("paging").GetProperty("previous").GetString()!);

        Assert.That(Ids(back), Is.EqualTo(Ids(first)));
        Assert.That(first.Json.GetProperty("paging").TryGetProperty("previous", out _), Is.False);

        static List<string> Ids(GraphAnswer page) =>
            [.. page.Json.GetProperty("data").EnumerateArray().Select(l => l.GetProperty("id").GetString()!)];
    }

    [Test]
    public async Task Leads_submitted_during_a_walk_cause_no_repeat_and_no_skip()
    {
        Graph.AddLeads(Form, 100);
        var original = Graph.LeadCount(Form);

        var (ids, _) = await WalkAsync(Http, $"{Form}/leads?limit=25", call =>
        {
            if (call == 1)
            {
                Graph.SubmitLeads(Form, 5);
                Graph.SubmitLeads(Form, 5, DateTimeOffset.UtcNow.AddDays(-90));
            }
        });

        Assert.That(original, Is.EqualTo(100));
        Assert.That(ids, Is.Unique);
        Assert.That(ids, Has.Count.EqualTo(105), "the 5 older leads come after the cursor and are seen; the 5 new ones are ahead of it");
    }

    [Test]
    public async Task Filtering_by_time_created_returns_only_leads_in_the_range()
    {
        var now = DateTimeOffset.UtcNow;
        Graph.SubmitLeads(Form, 3, now.AddDays(-10));
        var inRange = Graph.SubmitLeads(Form, 5, now.AddDays(-5));
        Graph.SubmitLeads(Form, 2, now.AddDays(-1));
        var filtering = JsonSerializer.Serialize(new object[]
        {
            new { field = "time_created", @operator = "GREATER_THAN", value = now.AddDays(-7).ToUnixTimeSeconds() },
            new { field = "time_created", @operator = "LESS_THAN", value = now.AddDays(-2).ToUnixTimeSeconds() },
        });

        var (ids, _) = await WalkAsync(Http, $"{Form}/leads?filtering={Uri.EscapeDataString(filtering)}");

        Assert.That(ids, Is.EquivalentTo(inRange));
        var recorded = Graph.Requests[^1].QueryString;
        Assert.That(Uri.UnescapeDataString(recorded), Does.Contain("\"field\":\"time_created\",\"operator\":\"GREATER_THAN\""));
    }

    [Test]
    public async Task Greater_than_is_strict_and_greater_than_or_equal_is_not()
    {
        var at = DateTimeOffset.UtcNow.AddDays(-3);
        Graph.SubmitLeads(Form, 1, at);
        var unix = at.ToUnixTimeSeconds();

        var strict = await Http.GetAsync($"{Form}/leads?filtering={Filter("GREATER_THAN", unix)}");
        var inclusive = await Http.GetAsync($"{Form}/leads?filtering={Filter("GREATER_THAN_OR_EQUAL", unix)}");

        Assert.That(strict.Json.GetProperty("data").GetArrayLength(), Is.Zero);
        Assert.That(inclusive.Json.GetProperty("data").GetArrayLength(), Is.EqualTo(1));
    }

    [Test]
    public async Task An_unknown_filtering_field_is_error_100()
    {
        var answer = await Http.GetAsync($"{Form}/leads?filtering={Uri.EscapeDataString("[{\"field\":\"created_time\",\"operator\":\"GREATER_THAN\",\"value\":1}]")}");

        Assert.That(answer.ErrorCode, Is.EqualTo(100));
    }

    [Test]
    public async Task An_unknown_form_is_error_100_with_http_400()
    {
        var answer = await Http.GetAsync("999999999999999/leads");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(answer.Status, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(answer.ErrorCode, Is.EqualTo(100));
            Assert.That(answer.ErrorSubcode, Is.EqualTo(33));
        }
    }

    /// <summary>Graph looks a node named by something other than a number up as an alias (facebookarchive/php-graph-sdk #1121).</summary>
    [Test]
    public async Task A_node_named_by_something_that_is_not_a_number_is_error_803()
    {
        var alias = await Http.GetAsync("%7Bleadgen_id%7D");
        var number = await Http.GetAsync("999999999999999");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(alias.Status, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(alias.ErrorCode, Is.EqualTo(803));
            Assert.That(alias.Json.GetProperty("error").GetProperty("message").GetString(), Is.EqualTo("(#803) Some of the aliases you requested do not exist: {leadgen_id}"));
            Assert.That((number.ErrorCode, number.ErrorSubcode), Is.EqualTo((100, 33)), "an unknown number is still 100/33");
        }
    }

    [Test]
    public async Task A_form_of_another_page_is_not_visible_to_this_page_token()
    {
        var answer = await Http.GetAsync($"{SandboxSeed.NotSubscribedFormId}/leads");

        Assert.That(answer.ErrorCode, Is.EqualTo(100));
    }

    [Test]
    public async Task A_lead_read_by_id_has_the_documented_shape()
    {
        var id = Graph.SubmitLeads(Form, 1, new DateTimeOffset(2026, 11, 20, 10, 15, 0, TimeSpan.Zero)).Single();

        var lead = (await Http.GetAsync($"{id}?fields={AllLeadFields}")).Json;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(lead.GetProperty("id").GetString(), Is.EqualTo(id));
            Assert.That(lead.GetProperty("created_time").GetString(), Is.EqualTo("2026-11-20T10:15:00+0000"));
            Assert.That(lead.GetProperty("form_id").GetString(), Is.EqualTo(Form));
            Assert.That(lead.GetProperty("platform").GetString(), Is.AnyOf("fb", "ig"));
            Assert.That(lead.GetProperty("is_organic").ValueKind, Is.AnyOf(JsonValueKind.True, JsonValueKind.False));
            var names = lead.GetProperty("field_data").EnumerateArray().Select(f => f.GetProperty("name").GetString()).ToList();
            Assert.That(names, Does.Contain("full_name"));
            Assert.That(names, Does.Contain("email"));
        }
    }

    [Test]
    public async Task Without_fields_a_lead_has_graphs_default_fields_and_an_unknown_field_is_error_100()
    {
        var id = Graph.SubmitLeads(Form, 1).Single();

        var plain = (await Http.GetAsync(id)).Json;
        var unknown = await Http.GetAsync($"{id}?fields=id,favourite_colour");

        Assert.That(plain.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "created_time", "id", "field_data" }));
        Assert.That(unknown.ErrorCode, Is.EqualTo(100));
    }

    [Test]
    public async Task Generated_leads_are_realistic_and_varied()
    {
        Graph.AddLeads(Form, 400);

        var leads = new List<JsonElement>();
        string? next = $"{Form}/leads?fields={AllLeadFields}";
        while (next is not null)
        {
            var page = await Http.GetAsync(next);
            leads.AddRange(page.Json.GetProperty("data").EnumerateArray());
            next = page.Json.GetProperty("paging").TryGetProperty("next", out var n) ? n.GetString() : null;
        }

        var answers = leads.SelectMany(l => l.GetProperty("field_data").EnumerateArray()).ToList();
        var names = answers.Where(a => a.GetProperty("name").GetString() == "full_name").Select(a => a.GetProperty("values")[0].GetString()!).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(names, Has.Some.Matches<string>(n => n.Any(c => c is >= '\u0590' and <= '\u05FF')), "Hebrew");
            Assert.That(names, Has.Some.Matches<string>(n => n.Any(c => c is >= '\u0600' and <= '\u06FF')), "Arabic");
            Assert.That(names, Has.Some.Matches<string>(n => n.Any(c => c is 'é' or 'ë' or 'ç' or 'á' or 'Ó')), "accents");
            Assert.That(answers, Has.Some.Matches<JsonElement>(a => a.GetProperty("values").GetArrayLength() == 0), "an empty answer");
            Assert.That(answers, Has.Some.Matches<JsonElement>(a => a.GetProperty("values").GetArrayLength() > 1), "a multi-select");
            Assert.That(leads, Has.Some.Matches<JsonElement>(l => l.GetProperty("field_data").GetArrayLength() < 6), "a missing field");
            Assert.That(leads, Has.Some.Matches<JsonElement>(l => l.GetProperty("is_organic").GetBoolean() && !l.TryGetProperty("ad_id", out _)));
            Assert.That(leads, Has.Some.Matches<JsonElement>(l => l.TryGetProperty("campaign_name", out _)));
            Assert.That(leads.Select(l => l.GetProperty("platform").GetString()).Distinct(), Is.EquivalentTo(new[] { "fb", "ig" }));
        }
    }

    [Test]
    public async Task Seeded_leads_are_spread_over_the_last_60_days_and_identical_for_the_same_seed()
    {
        await using var first = await GraphSandboxServer.StartAsync(new SandboxOptions { Seed = 7 });
        await using var second = await GraphSandboxServer.StartAsync(new SandboxOptions { Seed = 7 });
        await using var other = await GraphSandboxServer.StartAsync(new SandboxOptions { Seed = 8 });

        var a = await ReadAllAsync(first);
        var b = await ReadAllAsync(second);
        var c = await ReadAllAsync(other);

        var times = a.Select(l => DateTimeOffset.ParseExact(l.GetProperty("created_time").GetString()!, "yyyy-MM-dd'T'HH:mm:ss'+0000'", CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(a, Has.Count.EqualTo(30));
            Assert.That(a.Select(Answers), Is.EqualTo(b.Select(Answers)));
            Assert.That(a.Select(Answers), Is.Not.EqualTo(c.Select(Answers)));
            Assert.That(times, Has.All.GreaterThan(DateTimeOffset.UtcNow.AddDays(-60).AddMinutes(-5)));
            Assert.That(times.Max() - times.Min(), Is.GreaterThan(TimeSpan.FromDays(30)));
        }

        static string Answers(JsonElement lead) => lead.GetProperty("field_data").GetRawText();
    }

    [Test]
    public async Task A_token_expiring_in_the_middle_of_a_walk_fails_the_next_call_with_190_463()
    {
        Graph.AddLeads(Form, 60);

        var first = await Http.GetAsync($"{Form}/leads");
        Graph.SetTokenExpired(SandboxSeed.MainPageId);
        var second = await Http.GetAsync(first.Json.GetProperty("paging").GetProperty("next").GetString()!);

        Assert.That((second.ErrorCode, second.ErrorSubcode), Is.EqualTo((190, (int?)463)));
    }

    [Test]
    public async Task Fifty_thousand_leads_on_one_form_page_like_any_other()
    {
        Graph.AddLeads(Form, 50_000);

        var first = await Http.GetAsync($"{Form}/leads?fields=id,field_data&limit=25");
        var second = await Http.GetAsync(first.Json.GetProperty("paging").GetProperty("next").GetString()!);
        var ids = first.Json.GetProperty("data").EnumerateArray().Concat(second.Json.GetProperty("data").EnumerateArray())
            .Select(l => l.GetProperty("id").GetString()).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(ids, Has.Count.EqualTo(50));
            Assert.That(ids, Is.Unique);
            Assert.That(second.Json.GetProperty("paging").TryGetProperty("previous", out _), Is.True, "a second page links back");
            Assert.That(second.Json.GetProperty("paging").TryGetProperty("next", out _), Is.True, "49,950 leads still to come");
        });
    }

    private static async Task<List<JsonElement>> ReadAllAsync(GraphSandboxServer server)
    {
        using var client = new SandboxClient(server.BaseAddress);
        var page = await client.GetAsync($"{Form}/leads?fields=id,created_time,field_data&limit=25");
        var leads = page.Json.GetProperty("data").EnumerateArray().ToList();
        var next = page.Json.GetProperty("paging").GetProperty("next").GetString()!;
        leads.AddRange((await client.GetAsync(next)).Json.GetProperty("data").EnumerateArray());
        return leads;
    }

    private static string Filter(string op, long value) =>
        Uri.EscapeDataString($"[{{\"field\":\"time_created\",\"operator\":\"{op}\",\"value\":{value}}}]");
}
