using System.Net.Http.Json;
using LeadOps.Application.Common.Security;
using LeadOps.Application.Integrations.Commands;
using LeadOps.GraphSandbox;
using LeadOps.Infrastructure.Identity;
using LeadOps.TestSupport;
using Mediator;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// Two staff browser sessions on the live Inbox: the customer writes (through the sandbox's control API) and the message
/// appears without a reload; staff reply and the thread shows the reply sent, then delivered when Meta says so.
/// </summary>
public sealed class InboxTests
{
    private const string Psid = "7300000000000042";
    private GraphSandboxServer _sandbox = null!;
    private WebhookRelay _relay = null!;
    private BrowserApp _app = null!;
    private HttpClient _control = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        BrowserApp.RequireChromium();
        _relay = await WebhookRelay.StartAsync();
        _sandbox = await GraphSandboxServer.StartAsync(new SandboxOptions { WebhookCallbackUrl = _relay.Url.ToString(), InitialLeadsPerForm = 0 });
        _app = new BrowserApp(new Dictionary<string, string?>
        {
            ["Facebook:GraphBaseUrl"] = _sandbox.BaseAddress.ToString(),
            ["Facebook:AppId"] = _sandbox.State.Options.AppId,
            ["Facebook:AppSecret"] = _sandbox.State.Options.AppSecret,
            ["Facebook:VerifyToken"] = "browser-tests-verify-token",
        });
        await _app.StartAsync();
        _relay.Target = new HttpClient { BaseAddress = _app.BaseAddress };
        _control = new HttpClient { BaseAddress = _sandbox.BaseAddress };
        await ConnectMainPageAsync();
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        _control?.Dispose();
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }

        if (_sandbox is not null)
        {
            await _sandbox.DisposeAsync();
        }

        if (_relay is not null)
        {
            _relay.Target?.Dispose();
            await _relay.DisposeAsync();
        }
    }

    [Test]
    public async Task A_customer_message_appears_live_in_two_sessions_and_a_reply_shows_sent_then_delivered()
    {
        var listPage = await SignedInPageAsync();
        var threadPage = await SignedInPageAsync();
        await listPage.GotoAsync("/Inbox");
        await threadPage.GotoAsync("/Inbox");
        await LiveAsync(listPage);
        await LiveAsync(threadPage);

        await CustomerWritesAsync("Olá! Is the Trail X9 in stock?");

        var row = listPage.Locator($"[data-test=conversation-row][data-psid='{Psid}']");
        await Assertions.Expect(row).ToBeVisibleAsync();
        await Assertions.Expect(row.Locator("[data-test=preview]")).ToHaveTextAsync("Olá! Is the Trail X9 in stock?");
        await Assertions.Expect(row.Locator("[data-test=window]")).ToHaveTextAsync("24 h left");
        var otherRow = threadPage.Locator($"[data-test=conversation-row][data-psid='{Psid}']");
        await Assertions.Expect(otherRow).ToBeVisibleAsync();
        await BrowserApp.ScreenshotAsync(listPage, "inbox-list-live");

        await otherRow.Locator("[data-test=open-conversation]").ClickAsync();
        await threadPage.WaitForURLAsync("**/Inbox/Conversation/**");
        await LiveAsync(threadPage);

        await CustomerWritesAsync("And can I book a test ride?");
        await Assertions.Expect(threadPage.Locator("[data-test=message][data-sender=customer] [data-test=text]").Last).ToHaveTextAsync("And can I book a test ride?");
        await Assertions.Expect(row.Locator("[data-test=preview]")).ToHaveTextAsync("And can I book a test ride?");

        // Meta's echo and delivery receipt are held back until the test has seen the reply as sent.
        _relay.Hold = true;
        var reply = threadPage.Locator("[data-test=reply-text]");
        await reply.FillAsync("Yes! Saturday at 10?");
        await Assertions.Expect(threadPage.Locator("[data-test=counter]")).ToHaveTextAsync("20");
        await threadPage.Locator("[data-test=send]").ClickAsync();

        var status = threadPage.Locator("[data-test=message][data-sender=staff] [data-test=status]");
        await Assertions.Expect(status).ToHaveTextAsync("sent");
        await Assertions.Expect(threadPage.Locator("[data-test=message][data-sender=staff] [data-test=text]")).ToHaveTextAsync("Yes! Saturday at 10?");
        await LiveAsync(threadPage);
        await BrowserApp.ScreenshotAsync(threadPage, "inbox-thread-sent");

        await _relay.ReleaseAsync();
        await Assertions.Expect(status).ToHaveTextAsync("delivered");
        await Assertions.Expect(row.Locator("[data-test=preview]")).ToHaveTextAsync("Yes! Saturday at 10?");
        await BrowserApp.ScreenshotAsync(threadPage, "inbox-thread-delivered");

        var sent = _sandbox.State.SentMessages.Where(m => m.Psid == Psid).ToList();
        Assert.That(sent.Select(m => (m.Text, m.MessagingType)), Is.EqualTo(new[] { ("Yes! Saturday at 10?", "RESPONSE") }));
        Assert.That(threadPage.Url, Does.Contain("/Inbox/Conversation/"));
    }

    private async Task<IPage> SignedInPageAsync()
    {
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        return page;
    }

    private static Task LiveAsync(IPage page) =>
        Assertions.Expect(page.Locator("[data-live-status]").First).ToHaveAttributeAsync("data-live-state", "connected");

    private async Task CustomerWritesAsync(string text)
    {
        var response = await _control.PostAsJsonAsync($"/_sandbox/pages/{SandboxSeed.MainPageId}/customers/{Psid}/messages", new { text });
        response.EnsureSuccessStatusCode();
    }

    private async Task ConnectMainPageAsync()
    {
        string userId;
        await using (var lookup = _app.Services.CreateAsyncScope())
        {
            var user = await lookup.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByEmailAsync(BrowserApp.Email);
            userId = user!.Id;
        }

        await using var scope = _app.Services.GetRequiredService<IOwnerScopeFactory>().CreateScope(userId);
        var result = await scope.ServiceProvider.GetRequiredService<IMediator>().Send(new ConnectIntegration(SandboxSeed.MainPageToken, "Sandbox page"));
        Assert.That(result.IsSuccess, Is.True, result.Error);
    }
}
