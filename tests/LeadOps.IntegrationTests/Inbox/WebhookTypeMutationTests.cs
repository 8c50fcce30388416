using System.Text.Json.Nodes;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Persistence;
using LeadOps.Infrastructure.Webhooks;
using LeadOps.IntegrationTests.Inbox.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Inbox;

/// <summary>
/// Meta documents numbers that arrive as strings, fields that are left out and values that come several at once; what
/// it may send tomorrow is not documented. Every event shape LeadOps reads (from Meta's webhook reference pages) is sent
/// again with each of its values, one at a time, left out or replaced by a value of another JSON type: every delivery is
/// answered 200 and processed or set aside as LeadOps' rules say, and none fails on an unexpected error (an exception
/// where the reader should have read "not given"). The unchanged samples are stored, so the mutations test real reading.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class WebhookTypeMutationTests(DatabaseKind database) : InboxFixture(database)
{
    [Test]
    public async Task Every_value_of_every_documented_messenger_event_left_out_or_of_another_type_is_answered_and_never_fails_unexpectedly()
    {
        var staff = await NewStaffAsync();
        await SendEveryMutationAsync("messaging", Samples(Clock.GetUtcNow()).Select(s => s.Event));

        var conversation = await FindConversationAsync(staff, Psid);
        Assert.That(conversation, Is.Not.Null, "the unchanged samples reached the Inbox");
        var thread = await MessagesAsync(staff, conversation!.Value);
        Assert.That(thread.Select(m => m.GetProperty("text").GetString()), Does.Contain("Do you have the Trail X9 in a medium frame?"));
    }

    [Test]
    public async Task Every_value_of_the_documented_leadgen_change_left_out_or_of_another_type_is_answered_and_never_fails_unexpectedly()
    {
        var staff = await NewStaffAsync();
        var leadId = Meta.SubmitLeads(SandboxSeed.MainServiceFormId, 1).Single();
        var change = new JsonObject
        {
            ["field"] = "leadgen",
            ["value"] = new JsonObject
            {
                ["ad_id"] = "0", ["form_id"] = SandboxSeed.MainServiceFormId, ["leadgen_id"] = leadId,
                ["created_time"] = Clock.GetUtcNow().ToUnixTimeSeconds(), ["page_id"] = SandboxSeed.MainPageId, ["adgroup_id"] = "0",
            },
        };

        await SendEveryMutationAsync("changes", [change]);

        var leads = await staff.Api.GetStringAsync($"/api/leads?page_size=200");
        Assert.That(leads, Does.Contain(leadId), "the unchanged change brought its lead");
    }

    /// <summary>
    /// Posts each sample as it is, then, for every value in it, one delivery holding the sample once per replacement;
    /// waits until each delivery was tried once and fails on any that met an unexpected error.
    /// </summary>
    private async Task SendEveryMutationAsync(string entryField, IEnumerable<JsonObject> samples)
    {
        var deliveries = 0;
        foreach (var sample in samples)
        {
            // The sample as documented: it must be read (a mutation test over a sample LeadOps ignores proves nothing).
            await PostSignedWebhookAsync(Body(entryField, new JsonArray(sample.DeepClone())));
            deliveries++;
            foreach (var path in JsonMutations.Paths(sample))
            {
                await PostSignedWebhookAsync(Body(entryField, new JsonArray([.. JsonMutations.Replacements.Select(r => (JsonNode)JsonMutations.Mutated(sample, path, r))])));
                deliveries++;
            }
        }

        // Every delivery tried once: processed, set aside, or put off to be tried again with its error (not due on the
        // test's clock, so not waited for). The app's own worker may hold some meanwhile.
        var processor = App.Services.GetRequiredService<WebhookProcessor>();
        await HangGuard.UntilAsync("every delivery to be tried once", async ct =>
        {
            while (await processor.ProcessDueAsync(ct) > 0)
            {
            }

            await using var scope = App.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LeadOpsDbContext>();
            return !await db.WebhookDeliveries.AnyAsync(d => d.Status == LeadOps.Domain.Common.WebhookDeliveryStatus.Pending && d.LastError == null, ct);
        });

        await using var read = App.Services.CreateAsyncScope();
        var stored = await read.ServiceProvider.GetRequiredService<LeadOpsDbContext>().WebhookDeliveries.Select(d => new { d.LastError, d.Body }).ToListAsync();
        var unexpected = stored.Where(d => d.LastError?.Contains(WebhookProcessor.UnexpectedError, StringComparison.Ordinal) == true).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(stored, Has.Count.GreaterThanOrEqualTo(deliveries));
            Assert.That(unexpected.Select(d => d.LastError + " in " + d.Body[..Math.Min(d.Body.Length, 600)]).Take(3), Is.Empty,
                $"{unexpected.Count} deliveries failed on an unexpected error");
        });
    }

    private const string Psid = "7300000000000001";
    private const string AppId = "263902037430900";

    /// <summary>Each event as Meta's Messenger webhook reference prints it (ids and times made this test's).</summary>
    private static IEnumerable<(string Name, JsonObject Event)> Samples(DateTimeOffset now)
    {
        var at = (JsonNode)now.ToUnixTimeMilliseconds();
        JsonObject From(string name, JsonNode body) => MetaEvents.FromCustomer(Psid, at.DeepClone(), name, body);

        yield return ("message", From("message", new JsonObject
        {
            ["mid"] = "m_mutation_1",
            ["text"] = "Do you have the Trail X9 in a medium frame?",
            ["quick_reply"] = new JsonObject { ["payload"] = "SIZE_M" },
            ["reply_to"] = new JsonObject { ["mid"] = "m_mutation_0" },
            ["attachments"] = new JsonArray(
                new JsonObject { ["type"] = "image", ["payload"] = new JsonObject { ["url"] = "https://scontent.example/x.jpg", ["sticker_id"] = 369239263222822 } },
                new JsonObject { ["type"] = "location", ["payload"] = new JsonObject { ["coordinates"] = new JsonObject { ["lat"] = 38.72, ["long"] = -9.14 } } },
                new JsonObject { ["type"] = "fallback", ["payload"] = new JsonObject { ["url"] = "https://example.com", ["title"] = "A link" } },
                new JsonObject
                {
                    ["type"] = "template",
                    ["payload"] = new JsonObject
                    {
                        ["product"] = new JsonObject
                        {
                            ["elements"] = new JsonArray(new JsonObject { ["id"] = "1", ["retailer_id"] = "SKU-1", ["image_url"] = "https://example.com/p.jpg", ["title"] = "Trail X9", ["subtitle"] = "€1,299" }),
                        },
                    },
                }),
        }));
        yield return ("echo", MetaEvents.Echo(Psid, at.DeepClone(), "m_mutation_echo", "Yes, in blue.", AppId));
        yield return ("delivery", From("delivery", new JsonObject { ["mids"] = new JsonArray("m_mutation_echo"), ["watermark"] = now.ToUnixTimeMilliseconds() }));
        yield return ("read", From("read", new JsonObject { ["watermark"] = now.ToUnixTimeMilliseconds() }));
        yield return ("postback", From("postback", new JsonObject
        {
            ["mid"] = "m_mutation_pb", ["title"] = "Book a test ride", ["payload"] = "BOOK",
            ["referral"] = new JsonObject { ["ref"] = "spring", ["source"] = "SHORTLINK", ["type"] = "OPEN_THREAD" },
        }));
        yield return ("referral", From("referral", new JsonObject
        {
            ["ref"] = "spring", ["ad_id"] = "6045246247433", ["source"] = "ADS", ["type"] = "OPEN_THREAD", ["referer_uri"] = "https://m.me/x",
            ["ads_context_data"] = new JsonObject { ["ad_title"] = "Spring sale", ["photo_url"] = "https://example.com/a.jpg", ["video_url"] = "https://example.com/a.mp4", ["post_id"] = "1_2", ["product_id"] = "3" },
        }));
        yield return ("optin", From("optin", new JsonObject
        {
            ["type"] = "notification_messages", ["payload"] = "RESTOCK", ["notification_messages_token"] = "token-1", ["notification_messages_frequency"] = "DAILY",
            ["notification_messages_timezone"] = "Europe/Lisbon", ["token_expiry_timestamp"] = now.AddMonths(6).ToUnixTimeMilliseconds(), ["user_token_status"] = "NOT_REFRESHED",
            ["notification_messages_status"] = "RESUME_NOTIFICATIONS", ["title"] = "Back in stock",
        }));
        yield return ("reaction", From("reaction", new JsonObject { ["reaction"] = "love", ["emoji"] = "\u2764\uFE0F", ["action"] = "react", ["mid"] = "m_mutation_1" }));
        yield return ("message_edit", From("message_edit", new JsonObject { ["mid"] = "m_mutation_1", ["text"] = "Do you have it in a large frame?", ["num_edit"] = 1 }));
        yield return ("pass_thread_control", From("pass_thread_control", new JsonObject { ["new_owner_app_id"] = AppId, ["previous_owner_app_id"] = "123456789", ["metadata"] = "to staff" }));
        yield return ("take_thread_control", From("take_thread_control", new JsonObject { ["previous_owner_app_id"] = AppId, ["new_owner_app_id"] = "123456789", ["metadata"] = "bot" }));
        yield return ("request_thread_control", From("request_thread_control", new JsonObject { ["requested_owner_app_id"] = "123456789", ["metadata"] = "please" }));
        yield return ("policy_enforcement", new JsonObject
        {
            ["recipient"] = new JsonObject { ["id"] = SandboxSeed.MainPageId }, ["timestamp"] = at.DeepClone(),
            ["policy_enforcement"] = new JsonObject { ["action"] = "block", ["reason"] = "The bot violated our Platform Policies." },
        });
        yield return ("app_roles", new JsonObject
        {
            ["recipient"] = new JsonObject { ["id"] = SandboxSeed.MainPageId }, ["timestamp"] = at.DeepClone(),
            ["app_roles"] = new JsonObject { [AppId] = new JsonArray("primary_receiver") },
        });
        yield return ("send_cart", From("order", new JsonObject
        {
            ["products"] = new JsonArray(new JsonObject { ["id"] = 123, ["retailer_id"] = "SKU-1", ["name"] = "Trail X9", ["unit_price"] = 11, ["currency"] = "EUR", ["quantity"] = 1 }),
            ["note"] = "gift",
        }));
        yield return ("account_linking", From("account_linking", new JsonObject { ["status"] = "linked", ["authorization_code"] = "code-1" }));
    }

    /// <summary>One delivery of the page's: its events in <c>messaging[]</c>, or its changes in <c>changes[]</c>.</summary>
    private static string Body(string entryField, JsonArray items) => new JsonObject
    {
        ["object"] = "page",
        ["entry"] = new JsonArray(new JsonObject { ["id"] = SandboxSeed.MainPageId, ["time"] = DateTimeOffset.UtcNow.ToUnixTimeMilliseconds(), [entryField] = items }),
    }.ToJsonString();
}
