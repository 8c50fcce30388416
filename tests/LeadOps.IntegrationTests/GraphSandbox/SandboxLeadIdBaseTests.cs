using System.Net;
using LeadOps.GraphSandbox;

namespace LeadOps.IntegrationTests.GraphSandbox;

/// <summary>
/// <see cref="SandboxOptions.LeadIdBase"/>: the sandbox mints lead ids from any base, so that a client meets 19-digit ids
/// above 2^53 on the leads edge, on a lead read and in a leadgen webhook written with ids as numbers; a base that leaves no
/// room for ids is refused at start.
/// </summary>
public sealed class SandboxLeadIdBaseTests
{
    [TestCase(0L)]
    [TestCase(long.MaxValue - 10)]
    public void A_base_with_no_room_for_ids_is_refused_at_start(long idBase) =>
        Assert.That(async () => await GraphSandboxServer.StartAsync(new SandboxOptions { LeadIdBase = idBase }), Throws.InstanceOf<ArgumentOutOfRangeException>());

    [Test]
    public async Task Leads_are_listed_read_and_announced_under_ids_from_the_base()
    {
        await using var server = await GraphSandboxServer.StartAsync(new SandboxOptions
        {
            InitialLeadsPerForm = 2, LeadIdBase = 1_234_567_890_123_456_000, WebhookIdsAsNumbers = true,
        });
        using var client = new SandboxClient(server.BaseAddress);
        var submitted = server.State.SubmitLeads(SandboxSeed.MainTestRideFormId, 1)[0];

        var listed = (await client.GetAsync($"{SandboxSeed.MainTestRideFormId}/leads?fields=id")).Json.GetProperty("data").EnumerateArray()
            .Select(l => l.GetProperty("id").GetString()).ToList();
        var read = await client.GetAsync($"{submitted}?fields=id,created_time");
        var unknown = await client.GetAsync("1234567890123455999?fields=id");

        Assert.Multiple(() =>
        {
            Assert.That(listed, Has.Count.EqualTo(3).And.All.Length.EqualTo(19).And.All.StartsWith("1234567890123456"));
            Assert.That(listed, Does.Contain(submitted));
            Assert.That((read.Status, read.Json.GetProperty("id").GetString()), Is.EqualTo((HttpStatusCode.OK, submitted)));
            Assert.That(unknown.IsError, Is.True, "an id below the base is no lead");
            Assert.That(server.State.WebhookDeliveries[^1].Body, Does.Contain($"\"leadgen_id\":{submitted},"), "a JSON number, digit for digit");
        });
    }
}
