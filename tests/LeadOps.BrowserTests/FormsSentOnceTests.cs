namespace LeadOps.BrowserTests;

/// <summary>
/// The forms that create something a second click would create again (connect a page, add an outgoing webhook
/// endpoint, create an API key) are sent once per page view, as a lead's note is (<c>data-submit-once</c>).
/// </summary>
[Category(TestCategories.Slow)]
public sealed class FormsSentOnceTests
{
    private BrowserApp _app = null!;

    [OneTimeSetUp]
    public async Task StartAsync() => _app = await BrowserApp.StartAsync(TestApp.Create(DatabaseKind.Sqlite));

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (_app is not null)
        {
            await _app.DisposeAsync();
        }
    }

    [TestCase("/Integrations", "connect")]
    [TestCase("/Webhooks", "add-endpoint")]
    [TestCase("/Account", "create-key")]
    public async Task A_form_sent_twice_before_the_page_answers_is_posted_once(string path, string button)
    {
        var page = await _app.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync(path);

        // Counts the submits the page lets through (after its own listeners), and keeps them from leaving, so both clicks
        // are judged on the same page view.
        var letThrough = await page.EvaluateAsync<int>("""
            selector => {
                let count = 0;
                const count_ = event => { if (!event.defaultPrevented) { count++; } event.preventDefault(); };
                window.addEventListener("submit", count_);
                const button = document.querySelector(selector);
                button.form.requestSubmit(button);
                button.form.requestSubmit(button);
                window.removeEventListener("submit", count_);
                return count;
            }
            """, $"[data-test={button}]");

        Assert.That(letThrough, Is.EqualTo(1), "the second submit is dropped");
    }
}
