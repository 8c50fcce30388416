using Microsoft.Playwright;

namespace LeadOps.BrowserTests;

/// <summary>
/// The Leads page's filters on a 1280 px wide window: every choice a filter shows fits inside its box, measured in
/// Chromium (the text's width in the select's own font against the room between its paddings, where the arrow is drawn),
/// so "Any welcome status" is read whole rather than cut off.
/// </summary>
[Category(TestCategories.Slow)]
public sealed class LeadFiltersLayoutTests : MainPageFixture
{
    /// <summary>Each filter select whose chosen text is wider than its box has room for, with both widths.</summary>
    private const string Clipped = """
        () => {
            const canvas = document.createElement('canvas').getContext('2d');
            return [...document.querySelectorAll('[data-test=lead-filters] select')].flatMap(select => {
                const style = getComputedStyle(select);
                canvas.font = style.font;
                const room = select.clientWidth - parseFloat(style.paddingLeft) - parseFloat(style.paddingRight);
                const text = select.selectedOptions[0].text;
                const width = canvas.measureText(text).width;
                return width > room ? [`${select.id}: "${text}" needs ${Math.ceil(width)} px, has ${Math.floor(room)} px`] : [];
            });
        }
        """;

    [Test]
    public async Task Every_filters_shown_choice_fits_its_box_at_1280_px()
    {
        await using var context = await Site.NewContextAsync(1280, 800);
        var page = await context.NewPageAsync();
        await BrowserApp.SignInAsync(page);
        await page.GotoAsync("/Leads");
        await Assertions.Expect(page.Locator("#filter-welcome")).ToBeVisibleAsync();

        Assert.That(await page.Locator("#filter-welcome").InputValueAsync(), Is.Empty, "it shows \"Any welcome status\"");
        Assert.That(await page.EvaluateAsync<string[]>(Clipped), Is.Empty, "filters cut off at 1280 px");
    }
}
