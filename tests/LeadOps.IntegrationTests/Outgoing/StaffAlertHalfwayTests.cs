using LeadOps.Infrastructure.Outgoing;
using Microsoft.Extensions.DependencyInjection;

namespace LeadOps.IntegrationTests.Outgoing;

/// <summary>
/// Staff alerts e-mailed in a pass that stops partway (the process is stopping): the alerts that left are not sent again,
/// and the others leave once their claim lapses. Real SMTP server; the mail sender is wrapped to stop between two alerts.
/// </summary>
public sealed class StaffAlertHalfwayTests(DatabaseKind database) : OutgoingFixture(database)
{
    private HookedStaffMail Mail => App.Services.GetRequiredService<HookedStaffMail>();

    protected override TestAppBuilder Configure(TestAppBuilder app) => base.Configure(app).WithServices(services =>
    {
        services.AddSingleton(sp => new HookedStaffMail(ActivatorUtilities.CreateInstance<StaffMail>(sp)));
        services.AddSingleton<IStaffMail>(sp => sp.GetRequiredService<HookedStaffMail>());
    });

    [Test]
    public async Task A_pass_stopped_between_two_alerts_loses_none_and_sends_none_twice()
    {
        var user = await App.NewUserAsync();
        var integrationId = await CreateIntegrationAsync(user);
        await SetAlertsAsync(user, integrationId, "each_lead");
        string[] names = ["Ana Halfway", "Bruno Halfway", "Célia Halfway"];
        foreach (var name in names)
        {
            await CreateLeadAsync(user, integrationId, name);
        }

        await App.Services.GetRequiredService<EventFanOut>().RunAsync(CancellationToken.None);

        // The first alert leaves; the process is stopping when the second is about to.
        using var stopping = new CancellationTokenSource();
        var sends = 0;
        Mail.BeforeSend = () =>
        {
            if (++sends == 2)
            {
                stopping.Cancel();
            }
        };
        var mailer = App.Services.GetRequiredService<StaffAlertMailer>();
        Assert.That(async () => await mailer.RunAsync(stopping.Token), Throws.InstanceOf<OperationCanceledException>());
        Assert.That(App.Smtp.To(user.Email).Select(m => m.Message.Subject), Is.EqualTo(new[] { "New lead: Ana Halfway" }));

        Mail.BeforeSend = null;
        Clock.Advance(TimeSpan.FromMinutes(10)); // past the claims of the pass that stopped
        await DrainAsync();

        Assert.That(App.Smtp.To(user.Email).Select(m => m.Message.Subject), Is.EquivalentTo(names.Select(n => "New lead: " + n)),
            "each alert once: none lost, none sent again");
    }

    [Test]
    public async Task A_pass_slower_than_the_lease_shares_the_rest_with_another_node_and_sends_none_twice()
    {
        var user = await App.NewUserAsync();
        var integrationId = await CreateIntegrationAsync(user);
        await SetAlertsAsync(user, integrationId, "each_lead");
        string[] names = ["Ana Slow", "Bruno Slow", "Célia Slow"];
        foreach (var name in names)
        {
            await CreateLeadAsync(user, integrationId, name);
        }

        await App.Services.GetRequiredService<EventFanOut>().RunAsync(CancellationToken.None);

        // Each e-mail takes four minutes (within the five-minute lease); the whole pass takes longer than the lease. While
        // the second e-mail is on its way, another node's mailer runs a pass of its own.
        var otherNode = ActivatorUtilities.CreateInstance<StaffAlertMailer>(App.Services);
        var sends = 0;
        Mail.BeforeSend = () =>
        {
            Clock.Advance(TimeSpan.FromMinutes(4));
            if (++sends == 2)
            {
                otherNode.RunAsync(CancellationToken.None).GetAwaiter().GetResult();
            }
        };
        await App.Services.GetRequiredService<StaffAlertMailer>().RunAsync(CancellationToken.None);
        Mail.BeforeSend = null;
        Clock.Advance(TimeSpan.FromMinutes(10));
        await DrainAsync();

        Assert.That(App.Smtp.To(user.Email).Select(m => m.Message.Subject), Is.EquivalentTo(names.Select(n => "New lead: " + n)),
            "each alert once, whichever node sent it");
    }
}

/// <summary>The real staff mail sender with an optional step before each send, to play a process stopping between two alerts.</summary>
internal sealed class HookedStaffMail(IStaffMail inner) : IStaffMail
{
    public Action? BeforeSend { get; set; }

    public Task<string?> SendAsync(string to, string subject, string text, CancellationToken cancellationToken)
    {
        BeforeSend?.Invoke();
        return inner.SendAsync(to, subject, text, cancellationToken);
    }
}
