using System.Net;
using System.Text;
using LeadOps.Application.Outgoing;

namespace LeadOps.UnitTests.Outgoing;

public sealed class WebhookSignatureTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1_800_000_000);

    [Test]
    public void A_signature_verifies_with_its_secret_and_body_only()
    {
        var body = Encoding.UTF8.GetBytes("{\"event\":\"lead.created\"}");
        var header = WebhookSignature.Header("whsec_one", Now, body);

        Assert.Multiple(() =>
        {
            Assert.That(header, Does.Match("^t=1800000000,v1=[0-9a-f]{64}$"));
            Assert.That(WebhookSignature.Verify("whsec_one", header, body, Now, TimeSpan.FromMinutes(5)), Is.True);
            Assert.That(WebhookSignature.Verify("whsec_two", header, body, Now, TimeSpan.FromMinutes(5)), Is.False);
            Assert.That(WebhookSignature.Verify("whsec_one", header, Encoding.UTF8.GetBytes("{\"event\":\"lead.createx\"}"), Now, TimeSpan.FromMinutes(5)), Is.False);
            Assert.That(WebhookSignature.Verify("whsec_one", header, body, Now.AddMinutes(6), TimeSpan.FromMinutes(5)), Is.False, "too old: a replay");
            Assert.That(WebhookSignature.Verify("whsec_one", "v1=zz", body, Now, TimeSpan.FromMinutes(5)), Is.False);
            Assert.That(WebhookSignature.Verify("whsec_one", null, body, Now, TimeSpan.FromMinutes(5)), Is.False);
        });
    }

    [TestCase("https://hooks.example.com/leadops", false, true)]
    [TestCase("http://hooks.example.com/leadops", false, false)]
    [TestCase("http://127.0.0.1:5000/hook", false, false)]
    [TestCase("http://127.0.0.1:5000/hook", true, true)]
    [TestCase("https://localhost/hook", false, false)]
    [TestCase("https://10.1.2.3/hook", true, false)]
    [TestCase("https://172.16.0.1/hook", false, false)]
    [TestCase("https://192.168.0.1/hook", false, false)]
    [TestCase("https://169.254.169.254/latest", false, false)]
    [TestCase("https://[::1]/hook", false, false)]
    [TestCase("https://[fd00::1]/hook", false, false)]
    [TestCase("https://[64:ff9b::a00:1]/hook", false, false)]
    [TestCase("https://user:secret@hooks.example.com/", false, false)]
    [TestCase("not a url", false, false)]
    public void Only_https_to_public_addresses_may_be_registered(string url, bool allowLoopbackHttp, bool accepted) =>
        Assert.That(WebhookUrlRules.Problem(url, allowLoopbackHttp) is null, Is.EqualTo(accepted));

    [TestCase("8.8.8.8", true)]
    [TestCase("127.0.0.1", false)]
    [TestCase("10.0.0.1", false)]
    [TestCase("100.64.0.1", false)]
    [TestCase("::ffff:192.168.1.1", false)]
    [TestCase("fe80::1", false)]
    [TestCase("2606:4700::1111", true)]
    [TestCase("64:ff9b::a00:1", false)] // NAT64 of 10.0.0.1
    [TestCase("64:ff9b::808:808", true)] // NAT64 of 8.8.8.8
    [TestCase("64:ff9b:1::808:808", false)] // local-use NAT64 (RFC 8215)
    [TestCase("2002:c0a8:101::1", false)] // 6to4 of 192.168.1.1
    [TestCase("2002:808:808::1", true)] // 6to4 of 8.8.8.8
    [TestCase("2001:0:4136:e378:8000:63bf:3fff:fdd2", false)] // Teredo
    [TestCase("::a00:1", false)] // IPv4-compatible 10.0.0.1
    [TestCase("::7f00:1", false)] // IPv4-compatible 127.0.0.1
    [TestCase("::ffff:0:a00:1", false)] // IPv4-translated (SIIT, RFC 2765) 10.0.0.1
    [TestCase("::ffff:0:7f00:1", false)] // IPv4-translated 127.0.0.1
    [TestCase("::ffff:0:808:808", true)] // IPv4-translated 8.8.8.8
    [TestCase("2001:db8::1", false)] // documentation
    [TestCase("100::1", false)] // discard-only
    public void Connections_go_to_public_addresses_only(string address, bool allowed) =>
        Assert.That(WebhookUrlRules.MayConnect(IPAddress.Parse(address), allowLoopback: false), Is.EqualTo(allowed));
}
