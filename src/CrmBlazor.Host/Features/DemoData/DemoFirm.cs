using CrmBlazor.Host.Features.Customers;

namespace CrmBlazor.Host.Features.DemoData;

/// <summary>A demo customer: a name in its own script, where it is, and who works there.</summary>
internal sealed record DemoCustomer(
    string Name,
    CustomerKind Kind,
    string Industry,
    string Country,
    string Region,
    string City,
    string Currency,
    string Domain,
    string[] Tags,
    (string Name, string Role, string EmailName)[] Contacts);

/// <summary>
/// The demo firm's customers: an agency and consultancy working with companies and people in India
/// (Tamil Nadu, Karnataka, Gujarat), Pakistan, Georgia and the United Kingdom, each written in its
/// own script.
/// </summary>
internal static class DemoFirm
{
    public static readonly DemoCustomer[] Customers =
    [
        new("சென்னை மென்பொருள் சேவைகள்", CustomerKind.Company, "IT services", "IN", "Tamil Nadu", "சென்னை", "INR", "chennai-software.example",
            ["retainer", "priority"], [("அருண் குமார்", "Managing director", "arun"), ("பிரியா ராஜேந்திரன்", "Finance manager", "priya")]),
        new("மதுரை கணக்கியல் நிறுவனம்", CustomerKind.Company, "Accounting", "IN", "Tamil Nadu", "மதுரை", "INR", "madurai-accounts.example",
            ["retainer"], [("கார்த்திக் சுப்பிரமணியன்", "Senior partner", "karthik")]),
        new("கோயம்புத்தூர் ஜவுளி நிறுவனம்", CustomerKind.Company, "Manufacturing", "IN", "Tamil Nadu", "கோயம்புத்தூர்", "INR", "kovai-textiles.example",
            ["new"], [("மீனா சுந்தரம்", "Operations head", "meena"), ("செல்வம் முருகன்", "IT lead", "selvam")]),
        new("தஞ்சாவூர் கலைக்கூடம்", CustomerKind.Company, "Retail", "IN", "Tamil Nadu", "தஞ்சாவூர்", "INR", "thanjavur-arts.example",
            ["at risk"], [("லக்ஷ்மி நாராயணன்", "Owner", "lakshmi")]),
        new("ராஜேஷ் வெங்கடேசன்", CustomerKind.Person, "Private client", "IN", "Tamil Nadu", "சென்னை", "INR", "mail.example",
            [], []),
        new("ಬೆಂಗಳೂರು ತಂತ್ರಜ್ಞಾನ ಸಂಸ್ಥೆ", CustomerKind.Company, "IT services", "IN", "Karnataka", "ಬೆಂಗಳೂರು", "INR", "blr-tech.example",
            ["priority", "partner"], [("ರಮೇಶ್ ಗೌಡ", "Chief technology officer", "ramesh"), ("ಅನಿತಾ ಶೆಟ್ಟಿ", "Procurement", "anita")]),
        new("ಮೈಸೂರು ರೇಷ್ಮೆ ಮಳಿಗೆ", CustomerKind.Company, "Retail", "IN", "Karnataka", "ಮೈಸೂರು", "INR", "mysuru-silk.example",
            ["retainer"], [("ಸುಮಾ ಹೆಗಡೆ", "Owner", "suma")]),
        new("ಮಂಗಳೂರು ಬಂದರು ಸಾಗಣೆ", CustomerKind.Company, "Logistics", "IN", "Karnataka", "ಮಂಗಳೂರು", "INR", "mangaluru-port.example",
            ["new"], [("ಪ್ರಕಾಶ್ ರಾವ್", "General manager", "prakash")]),
        new("ಹುಬ್ಬಳ್ಳಿ ಕೃಷಿ ಉಪಕರಣಗಳು", CustomerKind.Company, "Manufacturing", "IN", "Karnataka", "ಹುಬ್ಬಳ್ಳಿ", "INR", "hubballi-agri.example",
            ["at risk"], [("ವಿನಯ್ ಕುಲಕರ್ಣಿ", "Director", "vinay")]),
        new("અમદાવાદ ટેક્સટાઇલ્સ", CustomerKind.Company, "Manufacturing", "IN", "Gujarat", "અમદાવાદ", "INR", "amdavad-textiles.example",
            ["priority"], [("હર્ષ પટેલ", "Managing partner", "harsh"), ("નેહા શાહ", "Accounts", "neha")]),
        new("સુરત ડાયમંડ ટ્રેડર્સ", CustomerKind.Company, "Wholesale", "IN", "Gujarat", "સુરત", "INR", "surat-diamonds.example",
            ["retainer", "priority"], [("કિરણ દેસાઈ", "Owner", "kiran")]),
        new("વડોદરા ફાર્મા", CustomerKind.Company, "Healthcare", "IN", "Gujarat", "વડોદરા", "INR", "vadodara-pharma.example",
            [], [("જયેશ મહેતા", "Quality lead", "jayesh")]),
        new("لاہور ٹیکسٹائل ملز", CustomerKind.Company, "Manufacturing", "PK", "Punjab", "لاہور", "PKR", "lahore-mills.example",
            ["partner"], [("علی رضا", "Chief executive", "ali"), ("فاطمہ احمد", "Finance director", "fatima")]),
        new("کراچی لاجسٹکس", CustomerKind.Company, "Logistics", "PK", "Sindh", "کراچی", "PKR", "karachi-logistics.example",
            ["at risk"], [("عمر فاروق", "Operations manager", "umar")]),
        new("اسلام آباد مشاورتی گروپ", CustomerKind.Company, "Consulting", "PK", "Islamabad", "اسلام آباد", "PKR", "isb-advisory.example",
            ["new"], [("زینب حسین", "Partner", "zainab")]),
        new("თბილისის ციფრული სტუდია", CustomerKind.Company, "Marketing", "GE", "Tbilisi", "თბილისი", "GEL", "tbilisi-digital.example",
            ["retainer", "priority"], [("გიორგი ბერიძე", "Creative director", "giorgi"), ("ნინო კაპანაძე", "Account lead", "nino")]),
        new("ბათუმის ლოჯისტიკა", CustomerKind.Company, "Logistics", "GE", "Adjara", "ბათუმი", "GEL", "batumi-logistics.example",
            [], [("ლევან მაისურაძე", "Director", "levan")]),
        new("ქუთაისის ღვინის სახლი", CustomerKind.Company, "Food and drink", "GE", "Imereti", "ქუთაისი", "GEL", "kutaisi-wine.example",
            ["new"], [("თამარ ჯაფარიძე", "Owner", "tamar")]),
        new("Northwind Accounting Ltd", CustomerKind.Company, "Accounting", "GB", "England", "Leeds", "GBP", "northwind-accounting.example",
            ["retainer"], [("Hannah Clarke", "Practice manager", "hannah"), ("Owen Price", "Partner", "owen")]),
        new("Brightwater Design Studio", CustomerKind.Company, "Marketing", "GB", "Scotland", "Glasgow", "GBP", "brightwater.example",
            ["priority"], [("Isla Fraser", "Founder", "isla")]),
        new("Kestrel Logistics GmbH", CustomerKind.Company, "Logistics", "DE", "Bavaria", "München", "EUR", "kestrel-logistics.example",
            ["at risk"], [("Jürgen Müller", "Geschäftsführer", "juergen")]),
        new("Amelia Watson", CustomerKind.Person, "Private client", "GB", "England", "Bristol", "GBP", "mail.example",
            [], []),
    ];

    public static readonly (string Subject, string? Outcome)[] Calls =
    [
        ("Quarterly review call", "Agreed next quarter's priorities"),
        ("Follow-up on the proposal", "Waiting for their board's decision"),
        ("Support hours for the year end", "Extra hours requested for March"),
        ("Kick-off for the website relaunch", "Project plan shared"),
        ("Budget question", "Sent an updated estimate"),
    ];

    public static readonly string[] Emails =
    [
        "Monthly report sent", "Invoice query", "Meeting notes and next steps", "Updated statement of work", "Holiday schedule",
    ];

    public static readonly string[] Meetings =
    [
        "Workshop on the new reporting process", "Steering committee", "Lunch with the management team", "On-site visit",
    ];

    public static readonly string[] Notes =
    [
        "Prefers calls in the morning", "Decision maker changes in April", "Interested in the analytics package", "Renewal due next quarter",
    ];

    public static readonly string[] Complaints =
    [
        "Report delivered late", "Invoice sent to the wrong address", "Slow response from the support desk", "Timesheet hours disputed",
    ];

    public static readonly string[] Inquiries =
    [
        "Asked for a quote for payroll services", "Question about GST invoices", "Wants a training for new staff", "Price list for next year",
    ];

    public static readonly (string Name, string Email, string Role)[] Staff =
    [
        ("Meera Iyer", "meera.iyer@demo.local", "Manager"),
        ("Ravi Shankar", "ravi.shankar@demo.local", "Staff"),
        ("Nino Tsereteli", "nino.tsereteli@demo.local", "Accountant"),
    ];

    /// <summary>The password of the demo users (printed at start-up, development only).</summary>
    public const string StaffPassword = "demo-password-2026";
}
