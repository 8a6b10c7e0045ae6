namespace CrmBlazor.Sdk.Tests;

/// <summary>
/// Real text in the scripts the CRM's users write, with the invisible characters that text needs:
/// direction marks and isolates in Urdu, joiners in Indic scripts and Urdu. The rule must allow all of it.
/// </summary>
internal static class RealText
{
    /// <summary>"Customer relationship management helps a business strengthen its relations with its customers."</summary>
    public const string UrduSentence = "کسٹمر ریلیشن شپ مینجمنٹ کاروبار کو اپنے گاہکوں کے ساتھ تعلقات مضبوط بنانے میں مدد دیتا ہے۔";

    /// <summary>An address in Karachi with Urdu digits and a kasra (izafat).</summary>
    public const string UrduAddress = "دفتر نمبر ۱۲، شاہراہِ فیصل، کراچی ۷۵۳۵۰";

    /// <summary>A right-to-left mark first, a Latin company name in an isolate, an invoice number.</summary>
    public const string UrduWithIsolatedLatinName = "\u200Fجناب \u2068Acme Traders (Pvt) Ltd\u2069 کا انوائس INV-2026-00012 ادا ہو چکا ہے۔";

    /// <summary>"Responsible" written with a zero-width non-joiner, as Urdu keyboards produce it.</summary>
    public const string UrduWithNonJoiner = "ذمہ\u200Cدار شخص";

    /// <summary>An amount with Arabic letter marks around it.</summary>
    public const string ArabicWithLetterMarks = "الخصم \u061C١٢٫٥\u061C٪ على الفاتورة";

    /// <summary>Left-to-right and right-to-left marks around numbers in a mixed line.</summary>
    public const string MixedWithMarks = "Invoice \u200E#12\u200E for \u200Fگاہک\u200F, 12 hours";

    /// <summary>Nested isolates: an English name in an Urdu phrase inside an English sentence.</summary>
    public const string NestedIsolates = "Customer \u2067شرکت \u2066ABC\u2069 کراچی\u2069 added";

    public const string Tamil = "வாடிக்கையாளர் உறவு மேலாண்மை";

    /// <summary>Kannada with a zero-width joiner (arkavattu) and a non-joiner (explicit virama).</summary>
    public const string KannadaWithJoiners = "ಕಾರ್\u200Dಯ ಮತ್ತು ಕನ್\u200Cನಡ ಗ್ರಾಹಕ ಸಂಬಂಧ ನಿರ್ವಹಣೆ";

    public const string Gujarati = "ગ્રાહક સંબંધ સંચાલન";

    /// <summary>Devanagari with a zero-width joiner forming a half form.</summary>
    public const string DevanagariWithJoiner = "क्\u200Dष";

    public const string Georgian = "მომხმარებელთან ურთიერთობის მართვა";

    /// <summary>A name with an emoji (a surrogate pair) and a skin-tone modifier joined by ZWJ.</summary>
    public const string WithEmoji = "Café Ōsaka 👩\u200D💻 Ltd";

    public static TheoryData<string> All() =>
    [
        UrduSentence, UrduAddress, UrduWithIsolatedLatinName, UrduWithNonJoiner, ArabicWithLetterMarks, MixedWithMarks,
        NestedIsolates, Tamil, KannadaWithJoiners, Gujarati, DevanagariWithJoiner, Georgian, WithEmoji,
    ];

    /// <summary>The sample articles (Tamil, Kannada, Georgian), several paragraphs each.</summary>
    public static TheoryData<string> Articles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Samples"), "*.txt").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    /// <summary>Every translation file of the UI (host and plugins) in Tamil, Kannada, Gujarati, Urdu and Georgian.</summary>
    public static TheoryData<string> TranslationFiles()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Translations"), "*.resx").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }
}
