namespace LeadOps.GraphSandbox;

/// <summary>
/// Realistic, deterministic lead answers: the same seed and lead sequence number always give the same lead.
/// Names cover accents, apostrophes, Arabic and Hebrew (right-to-left) and CJK; some answers are missing.
/// </summary>
internal static class LeadGenerator
{
    private const long SeedStream = 2;

    /// <summary>Ads given to leads generated organic (<see cref="AdOf"/>).</summary>
    private const long AdStream = 12;
    private const double MissingFieldRate = 0.04;
    private const double EmptyAnswerRate = 0.04;
    private const double OrganicRate = 0.15;
    private const double InstagramRate = 0.35;
    private const double ConsentRate = 0.7;

    private static readonly Person[] People =
    [
        new("Ana", "Lima", "Ana Lima", "ana.lima", Country.Portugal),
        new("João", "Gonçalves", "João Gonçalves", "joao.goncalves", Country.Portugal),
        new("Maria Inês", "Sá Carneiro", "Maria Inês Sá Carneiro", "mines.sa", Country.Portugal),
        new("Zoë", "Müller", "Zoë Müller", "zoe.mueller", Country.Germany),
        new("François", "Lefèvre", "François Lefèvre", "f.lefevre", Country.France),
        new("Siobhán", "Ó Briain", "Siobhán Ó Briain", "siobhan.obriain", Country.Ireland),
        new("Mary-Kate", "O'Neill", "Mary-Kate O'Neill", "mk.oneill", Country.Ireland),
        new("José María", "de la Cruz", "José María de la Cruz", "josemaria.cruz", Country.Spain),
        new("محمد", "العلي", "محمد العلي", "m.alali", Country.Emirates),
        new("فاطمة", "الزهراء", "فاطمة الزهراء", "fatima.zahra", Country.Emirates),
        new("نور", "حداد", "نور حداد", "nour.haddad", Country.Emirates),
        new("נועה", "כהן", "נועה כהן", "noa.cohen", Country.Israel),
        new("דוד", "לוי", "דוד לוי", "david.levi", Country.Israel),
        new("Łukasz", "Wiśniewski", "Łukasz Wiśniewski", "lukasz.wisniewski", Country.Poland),
        new("Ayşe", "Yılmaz", "Ayşe Yılmaz", "ayse.yilmaz", Country.Turkey),
        new("Søren", "Østergaard", "Søren Østergaard", "soren.ostergaard", Country.Denmark),
        new("芳", "王", "王芳", "wang.fang", Country.China),
        new("Chidi", "Okafor", "Chidi Okafor", "chidi.okafor", Country.Nigeria),
        new("Nguyễn", "Thị Mai", "Nguyễn Thị Mai", "mai.nguyen", Country.Vietnam),
        new("Émilie", "Tremblay", "Émilie Tremblay", "emilie.tremblay", Country.Canada),
        new("Björn", "Andersson", "Björn Andersson", "bjorn.andersson", Country.Sweden),
        new("Priya", "Raghunathan", "Priya Raghunathan", "priya.r", Country.India),
    ];

    private static readonly string[] EmailDomains = ["gmail.com", "hotmail.com", "outlook.pt", "icloud.com", "yahoo.com", "sapo.pt", "proton.me"];

    private static readonly string[] CompanyNames =
        ["Café Central Lda.", "Nørrebro Design ApS", "شركة النور للتجارة", "Acme Logistics", "Bäckerei Köhler GmbH", "חברת אור בע\"מ", "Oficina do Zé"];

    private static readonly string[] JobTitles =
        ["Owner", "Gerente de loja", "Head of Marketing", "מנהלת משרד", "Office manager", "Fleet coordinator", "مدير المبيعات"];

    private static readonly string[] CampaignNames = ["Spring test rides – Lisboa", "Retargeting | IG Stories", "Always-on leads 2026"];

    private static readonly string[] AdsetNames = ["Lisboa 25-45 cyclists", "Lookalike 1% PT", "Commuters – broad"];

    private static readonly string[] AdNames = ["Video 15s – Urban E-200", "Carousel – Trail X9", "Static – Cargo Family", "Reel – Gravel Pro"];

    private enum Country
    {
        Portugal,
        Germany,
        France,
        Ireland,
        Spain,
        Emirates,
        Israel,
        Poland,
        Turkey,
        Denmark,
        China,
        Nigeria,
        Vietnam,
        Canada,
        Sweden,
        India,
    }

    public static LeadContent Generate(int seed, long sequence, int pageNumber, FormTemplate template)
    {
        var random = SeededRandom.For(seed, SeedStream, sequence);
        var person = random.Pick(People);
        var fields = new List<FieldData>(template.Questions.Count);
        foreach (var question in template.Questions)
        {
            var required = question.Type is "FULL_NAME" or "FIRST_NAME" or "EMAIL" || question.Conditional is not null;
            if (!required && random.Chance(MissingFieldRate))
            {
                continue;
            }

            if (!required && random.Chance(EmptyAnswerRate))
            {
                fields.Add(new FieldData(question.Key, []));
                continue;
            }

            if (question.Conditional is { } conditional)
            {
                var choice = random.Pick(conditional.Choices);
                fields.Add(new FieldData(question.Key, [choice.Value]));
                fields.AddRange(conditional.FollowUps.Select(f => new FieldData(f.FieldKey, [random.Pick(choice.Next)])));
                continue;
            }

            fields.Add(new FieldData(question.Key, Answer(question, person, random)));
        }

        var isOrganic = random.Chance(OrganicRate);
        var platform = random.Chance(InstagramRate) ? "ig" : "fb";
        var ad = isOrganic ? null : Ad(pageNumber, random);

        // Drawn last, so that every answer above stays what it was before forms had check boxes.
        var consents = (template.ConsentKeys ?? []).Select(key => new ConsentJson(key, random.Chance(ConsentRate) ? "1" : "0")).ToList();
        return new LeadContent(fields, isOrganic, platform, ad) { Consents = consents };
    }

    private static string[] Answer(FormQuestion question, Person person, SeededRandom random) => question.Type switch
    {
        "FULL_NAME" => [person.Full],
        "FIRST_NAME" => [person.First],
        "LAST_NAME" => [person.Last],
        "EMAIL" => [Email(person, random)],
        "PHONE" => [Phone(person.Country, random)],
        "CITY" => [City(person.Country, random)],
        "ZIP" => [Zip(person.Country, random)],
        "COMPANY_NAME" => [random.Pick(CompanyNames)],
        "JOB_TITLE" => [random.Pick(JobTitles)],
        _ when question.Options is { Count: > 0 } options && question.MultiSelect => PickSeveral([.. options.Select(o => o.Key)], random),
        _ when question.Options is { Count: > 0 } options => [random.Pick(options).Key],
        _ => ["—"],
    };

    private static string[] PickSeveral(IReadOnlyList<string> options, SeededRandom random)
    {
        var count = 1 + random.Next(Math.Min(3, options.Count));
        var start = random.Next(options.Count);
        return [.. Enumerable.Range(0, count).Select(i => options[(start + i) % options.Count])];
    }

    private static string Email(Person person, SeededRandom random)
    {
        var suffix = random.Chance(0.5) ? (random.Next(90) + 10).ToString(CultureInfo.InvariantCulture) : "";
        return $"{person.EmailLocal}{suffix}@{random.Pick(EmailDomains)}";
    }

    private static string Digits(SeededRandom random, int count) =>
        string.Concat(Enumerable.Range(0, count).Select(_ => (char)('0' + random.Next(10))));

    private static string Phone(Country country, SeededRandom random) => country switch
    {
        Country.Portugal => random.Chance(0.3) ? "9" + Digits(random, 8) : $"+351 9{Digits(random, 2)} {Digits(random, 3)} {Digits(random, 3)}",
        Country.Israel => "+9725" + Digits(random, 8),
        Country.Emirates => "+971 5" + Digits(random, 1) + " " + Digits(random, 3) + " " + Digits(random, 4),
        Country.France or Country.Canada => "+33 6 " + Digits(random, 2) + " " + Digits(random, 2) + " " + Digits(random, 2) + " " + Digits(random, 2),
        Country.Ireland => "+353 8" + Digits(random, 1) + " " + Digits(random, 7),
        Country.Germany => "+49 15" + Digits(random, 9),
        _ => "+" + (random.Next(89) + 10).ToString(CultureInfo.InvariantCulture) + Digits(random, 9),
    };

    private static string City(Country country, SeededRandom random) => country switch
    {
        Country.Portugal => random.Pick(["Lisboa", "Porto", "Setúbal", "Évora", "Braga"]),
        Country.Israel => random.Pick(["תל אביב-יפו", "Haifa", "ירושלים"]),
        Country.Emirates => random.Pick(["دبي", "Abu Dhabi", "الشارقة"]),
        Country.France => random.Pick(["Paris", "Besançon", "Orléans"]),
        Country.Canada => random.Pick(["Montréal", "Québec", "Trois-Rivières"]),
        Country.Germany => random.Pick(["Köln", "München", "Düsseldorf"]),
        Country.Poland => random.Pick(["Kraków", "Łódź", "Gdańsk"]),
        Country.Turkey => random.Pick(["İstanbul", "İzmir"]),
        Country.Denmark => random.Pick(["København", "Århus"]),
        Country.Spain => random.Pick(["Málaga", "A Coruña", "Cádiz"]),
        Country.China => random.Pick(["上海", "Shenzhen"]),
        Country.Ireland => random.Pick(["Dublin", "Cork", "Dún Laoghaire"]),
        _ => random.Pick(["Lagos", "Hà Nội", "Stockholm", "Bengaluru", "Dublin"]),
    };

    private static string Zip(Country country, SeededRandom random) => country switch
    {
        Country.Portugal => Digits(random, 4) + "-" + Digits(random, 3),
        Country.Ireland => "D0" + Digits(random, 1) + " " + "X" + Digits(random, 3),
        _ => Digits(random, 5),
    };

    /// <summary>An ad for a lead generated organic that its submitter says came from one: drawn apart, so nothing else generated changes.</summary>
    public static AdInfo AdOf(int seed, long sequence, int pageNumber) => Ad(pageNumber, SeededRandom.For(seed, AdStream, sequence));

    private static AdInfo Ad(int pageNumber, SeededRandom random)
    {
        var campaign = random.Next(CampaignNames.Length);
        var adset = random.Next(AdsetNames.Length);
        var ad = random.Next(AdNames.Length);
        var page = pageNumber.ToString("D3", CultureInfo.InvariantCulture);
        return new AdInfo(
            AdId: $"12023{page}{campaign:D4}{adset:D3}{ad:D3}",
            AdName: AdNames[ad],
            AdsetId: $"12022{page}{campaign:D4}{adset:D6}",
            AdsetName: AdsetNames[adset],
            CampaignId: $"12021{page}{campaign:D10}",
            CampaignName: CampaignNames[campaign]);
    }

    private sealed record Person(string First, string Last, string Full, string EmailLocal, Country Country);
}
