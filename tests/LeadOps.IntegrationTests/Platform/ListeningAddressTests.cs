using LeadOps.Web.Common;

namespace LeadOps.IntegrationTests.Platform;

/// <summary>Where the in-process sandbox sends its webhooks, from the addresses Kestrel reports it listens on.</summary>
public sealed class ListeningAddressTests
{
    [TestCase("http://127.0.0.1:5099", "http://127.0.0.1:5099/")]
    [TestCase("http://localhost:5080", "http://127.0.0.1:5080/")]
    [TestCase("http://[::]:8080", "http://127.0.0.1:8080/")]
    [TestCase("http://+:7000", "http://127.0.0.1:7000/")]
    [TestCase("http://*:7001", "http://127.0.0.1:7001/")]
    [TestCase("http://0.0.0.0:7002", "http://127.0.0.1:7002/")]
    [TestCase("http://[::1]:7003", "http://[::1]:7003/")]
    public void A_listening_address_becomes_one_this_machine_can_call(string listening, string expected) =>
        Assert.That(ListeningAddress.Loopback([listening])?.ToString(), Is.EqualTo(expected));

    [Test]
    public void Http_is_preferred_to_https_and_nothing_gives_nothing()
    {
        Assert.That(ListeningAddress.Loopback(["https://localhost:7443", "http://localhost:7080"])?.ToString(), Is.EqualTo("http://127.0.0.1:7080/"));
        Assert.That(ListeningAddress.Loopback([]), Is.Null);
    }
}
