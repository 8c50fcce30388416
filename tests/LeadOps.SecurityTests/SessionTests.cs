namespace LeadOps.SecurityTests;

/// <summary>Finding 1: a copied auth cookie keeps working after sign-out and after a password change.</summary>
public sealed class SessionTests(DatabaseKind database) : SecurityFixture(database)
{
    [Test]
    public async Task Signing_out_ends_every_session_of_the_user_a_copied_cookie_included()
    {
        var user = await App.NewUserAsync();
        var (browser, session) = await CookieSession.SignedInAsync(App, user);
        using var copy = session.Copy(App);
        var (otherDevice, _) = await CookieSession.SignedInAsync(App, user);
        Assert.That((await copy.GetAsync("/Leads")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the copy works while the session lives");

        var signOut = await browser.PostFormAsync("/Account/Logout", new Dictionary<string, string>(), formPage: "/Leads");
        Assert.That(signOut.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        AssertSignedOut(await copy.GetAsync("/Leads"), "the copied cookie");
        AssertSignedOut(await otherDevice.GetAsync("/Leads"), "the same user's other session");
        Assert.That((await App.ApiClient(user).GetAsync("/api/leads")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "API keys live on until revoked");
    }

    [Test]
    public async Task Changing_the_password_ends_every_other_session_and_keeps_the_one_that_changed_it()
    {
        var user = await App.NewUserAsync();
        var (browser, session) = await CookieSession.SignedInAsync(App, user);
        using var copy = session.Copy(App);

        var change = await browser.PostFormAsync("/Account?handler=ChangePassword", new Dictionary<string, string>
        {
            ["Password.Current"] = TestUsers.Password,
            ["Password.New"] = "A-new-password-2027",
            ["Password.Confirm"] = "A-new-password-2027",
        }, formPage: "/Account");
        Assert.That(change.StatusCode, Is.EqualTo(HttpStatusCode.Redirect));

        AssertSignedOut(await copy.GetAsync("/Leads"), "a cookie issued before the change");
        Assert.That((await browser.GetAsync("/Leads")).StatusCode, Is.EqualTo(HttpStatusCode.OK), "the browser that changed it stays signed in");
    }

    private static void AssertSignedOut(HttpResponseMessage response, string who)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Redirect), who + " no longer opens pages");
        Assert.That(response.Headers.Location!.ToString(), Does.Contain("/Account/Login"), who);
    }
}
