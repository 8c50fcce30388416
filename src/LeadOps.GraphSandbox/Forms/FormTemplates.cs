namespace LeadOps.GraphSandbox;

/// <summary>The three forms every seeded page has, and the questions of each.</summary>
internal static class FormTemplates
{
    /// <summary>The check box "I agree to receive marketing e-mails" of the test ride and promo forms.</summary>
    public const string MarketingConsentKey = "optional_1";

    public static readonly FormTemplate TestRide = new("test_ride",
    [
        new("full_name", "Full name", "FULL_NAME"),
        new("email", "Email", "EMAIL"),
        new("phone_number", "Phone number", "PHONE"),
        new("city", "City", "CITY"),
        new("which_bike_are_you_interested_in?", "Which bike are you interested in?", "CUSTOM",
            [new("urban_e-200", "Urban E-200"), new("trail_x9", "Trail X9"), new("cargo_family", "Cargo Family"), new("gravel_pro", "Gravel Pro"), new("kids_20", "Kids 20\"")]),
        new("what_will_you_use_it_for?", "What will you use it for?", "CUSTOM",
            [new("commuting", "Commuting"), new("weekend_trips", "Weekend trips"), new("sport", "Sport"), new("deliveries", "Deliveries"), new("school_run", "School run")],
            MultiSelect: true),
    ],
    [MarketingConsentKey]);

    public static readonly FormTemplate Service = new("service",
    [
        new("first_name", "First name", "FIRST_NAME"),
        new("last_name", "Last name", "LAST_NAME"),
        new("email", "Email", "EMAIL"),
        new("phone_number", "Phone number", "PHONE"),
        new("zip_code", "Post code", "ZIP"),
        new("preferred_day", "Preferred day", "CUSTOM", [new("monday", "Monday"), new("wednesday", "Wednesday"), new("friday", "Friday"), new("saturday", "Saturday")]),
    ]);

    public static readonly FormTemplate Promo = new("promo",
    [
        new("full_name", "Full name", "FULL_NAME"),
        new("email", "Email", "EMAIL"),
        new("company_name", "Company name", "COMPANY_NAME"),
        new("job_title", "Job title", "JOB_TITLE"),
    ],
    [MarketingConsentKey]);

    /// <summary>
    /// A form with a conditional question (not seeded; <see cref="SandboxState.AddForm"/> creates it): the region picked
    /// decides which dealers its follow-up question offers, and a lead answers both with the choices' values.
    /// </summary>
    public static readonly FormTemplate DealerVisit = new("dealer_visit",
    [
        new("full_name", "Full name", "FULL_NAME"),
        new("email", "Email", "EMAIL"),
        new("which_region_are_you_in?", "Which region are you in?", "CUSTOM", Conditional: new("3141500000000001",
            [new("North", ["Porto – Boavista", "Braga Centro"]), new("South", ["Faro Marina", "Lagos"])],
            [new("which_dealer_would_you_like_to_visit?", "Which dealer would you like to visit?")])),
    ]);

    /// <summary>
    /// The template a form created while running was made with, by its kind: the test-ride one when none is given (a form
    /// saved before forms had a kind); null for a kind this sandbox does not know.
    /// </summary>
    public static FormTemplate? OfKind(string? kind) => kind is null ? TestRide : new[] { TestRide, Service, Promo, DealerVisit }.FirstOrDefault(t => t.Kind == kind);

    public static IReadOnlyList<SeedForm> For(int pageNumber)
    {
        var prefix = $"2061700000000{pageNumber}";
        return
        [
            new(prefix + "1", "Test ride booking", "ACTIVE", "en_US", TestRide, TimeSpan.FromDays(200)),
            new(prefix + "2", "Service appointment", "ACTIVE", "pt_PT", Service, TimeSpan.FromDays(120)),
            new(prefix + "3", "Summer promo 2026", "ARCHIVED", "en_GB", Promo, TimeSpan.FromDays(300)),
        ];
    }
}
