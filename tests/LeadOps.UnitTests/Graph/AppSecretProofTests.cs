using LeadOps.Infrastructure.Graph;

namespace LeadOps.UnitTests.Graph;

public sealed class AppSecretProofTests
{
    [Test]
    public void Is_the_lower_case_hex_hmac_sha256_of_token_and_time_keyed_with_the_app_secret()
    {
        // Reference value: printf 'EAAB-page-token|1767225600' | openssl dgst -sha256 -hmac 'app-secret-123'
        var proof = AppSecretProof.Compute("EAAB-page-token", "app-secret-123", 1_767_225_600);

        Assert.That(proof, Is.EqualTo("8fbdba15b783911bf1813da057d7eaa01bbf510bc9c895930933613dfd468e87"));
    }

    [Test]
    public void Changes_with_the_time()
    {
        Assert.That(
            AppSecretProof.Compute("EAAB-page-token", "app-secret-123", 1_767_225_601),
            Is.Not.EqualTo(AppSecretProof.Compute("EAAB-page-token", "app-secret-123", 1_767_225_600)));
    }
}
