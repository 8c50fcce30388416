using System.Text.Json;
using LeadOps.Application.Integrations;

namespace LeadOps.Web.Pages.Integrations;

/// <summary>What a test of an integration found, written small enough to carry from the post to its GET in TempData.</summary>
public static class TestSummary
{
    public static string Write(IntegrationTestFindings findings) => JsonSerializer.Serialize(findings, JsonSerializerOptions.Web);

    public static IntegrationTestFindings? Read(string? json)
    {
        if (string.IsNullOrEmpty(json))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<IntegrationTestFindings>(json, JsonSerializerOptions.Web);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
