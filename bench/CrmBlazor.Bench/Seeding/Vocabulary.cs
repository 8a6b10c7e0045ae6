namespace CrmBlazor.Bench.Seeding;

/// <summary>A word in its own script and the Latin spelling used in e-mail addresses and domains.</summary>
/// <param name="Native">The word as its speakers write it.</param>
/// <param name="Latin">A Latin transliteration (ASCII).</param>
internal readonly record struct Word(string Native, string Latin);

/// <summary>The words of one script that names are made of.</summary>
/// <param name="Name">The script's name, as reported.</param>
/// <param name="Country">ISO 3166-1 country of its customers.</param>
/// <param name="Currency">ISO 4217 currency of its customers.</param>
/// <param name="Regions">Regions of the country.</param>
/// <param name="GivenNames">First names of people.</param>
/// <param name="FamilyNames">Family names of people.</param>
/// <param name="Places">Cities, used in company names and addresses.</param>
/// <param name="Trades">Words of company names (what the company does).</param>
/// <param name="CompanySuffixes">Legal forms after a company name (may be empty).</param>
internal sealed record Script(
    string Name,
    string Country,
    string Currency,
    string[] Regions,
    Word[] GivenNames,
    Word[] FamilyNames,
    Word[] Places,
    Word[] Trades,
    string[] CompanySuffixes);

/// <summary>
/// Names of customers and people in the scripts of PRODUCT.md: Latin (with accents), Tamil, Kannada,
/// Georgian, Urdu and Gujarati. Real words, combined at random, so that every word is shared by many
/// customers (as city and trade words are) and people's names repeat as they do in a real directory.
/// </summary>
internal static class Vocabulary
{
    private static Word[] Latin(params string[] words) => [.. words.Select(w => new Word(w, Ascii(w)))];

    private static Word[] Pairs(params string[] pairs) => [.. pairs.Select(p => p.Split('|')).Select(p => new Word(p[0], p[1]))];

    private static string Ascii(string word)
    {
        var folded = CrmBlazor.Host.Features.Search.SearchText.Fold(word);
        return new string([.. folded.Where(char.IsAsciiLetterOrDigit)]);
    }

    public static readonly Script LatinScript = new(
        "Latin", "GB", "GBP", ["England", "Scotland", "Wales", "Bavaria", "Île-de-France", "Catalonia", "Lombardy"],
        Latin("Hannah", "Owen", "Isla", "Jürgen", "Amelia", "Oliver", "Sophie", "Liam", "Chloé", "Mateo", "Lucía", "Noah", "Emma",
            "Lukas", "Anna", "Élodie", "Mario", "Giulia", "Sven", "Ingrid", "Zoë", "Björn", "François", "Ana", "João", "Marta",
            "Tomás", "Nils", "Freya", "Aurélie", "Ewan", "Niamh", "Siobhan", "Dmitri", "Katarzyna", "Piotr", "Agnieszka",
            "Mehmet", "Ayşe", "Zoltán", "Hélène", "Søren", "Íñigo", "René", "Małgorzata", "Andrés", "Renée", "Dóra"),
        Latin("Clarke", "Price", "Fraser", "Müller", "Watson", "Schmidt", "Dubois", "García", "Rossi", "Novak", "Kowalski",
            "Jensen", "Andersson", "Murphy", "Smith", "Taylor", "Brown", "Wilson", "Evans", "Thomas", "Roberts", "Walker",
            "Wright", "Hughes", "Edwards", "Green", "Hall", "Wood", "Harris", "Martin", "Jackson", "Thompson", "White",
            "Lewis", "Baker", "Hill", "Moore", "King", "Scott", "Young", "Allen", "Mitchell", "Carter", "Phillips", "Turner",
            "Parker", "Collins", "Bennett", "Cooper", "Morris", "Ward", "Fischer", "Weber", "Wagner", "Becker", "Schulz",
            "Hoffmann", "Schäfer", "Lefèvre", "Moreau", "Fontaine", "Ferrari", "Esposito", "Bianchi", "Romano", "Fernández",
            "López", "Martínez", "Sánchez", "Pérez", "Gómez", "Núñez", "Ibáñez", "Søndergaard", "Dvořák", "Wójcik", "Öztürk"),
        Latin("Northwind", "Brightwater", "Kestrel", "Riverside", "Oakridge", "Harbour", "Summit", "Bluebell", "Westfield",
            "Ashford", "Greenhill", "Silverline", "Redwood", "Stonebridge", "Lakeside", "Highland", "München", "Zürich", "Köln",
            "Malmö", "Besançon", "Kraków", "Łódź", "Córdoba", "Leeds", "Glasgow", "Bristol", "Cardiff", "Lyon", "Bologna"),
        Latin("Accounting", "Logistics", "Design", "Studio", "Consulting", "Partners", "Holdings", "Trading", "Systems",
            "Solutions", "Foods", "Textiles", "Pharma", "Digital", "Media", "Engineering", "Builders", "Motors", "Analytics",
            "Software", "Energy", "Marine", "Farms", "Dental", "Legal", "Capital", "Retail", "Print", "Freight", "Labs",
            "Bäckerei", "Brasserie", "Café", "Atelier", "Druckerei", "Maßschneiderei"),
        ["Ltd", "GmbH", "SARL", "S.p.A.", "BV", "AB", "LLC", "plc", "& Co", "S.L."]);

    public static readonly Script Tamil = new(
        "Tamil", "IN", "INR", ["Tamil Nadu"],
        Pairs("அருண்|arun", "பிரியா|priya", "கார்த்திக்|karthik", "மீனா|meena", "செல்வம்|selvam", "லக்ஷ்மி|lakshmi",
            "ராஜேஷ்|rajesh", "கவிதா|kavitha", "சுரேஷ்|suresh", "தீபா|deepa", "முருகன்|murugan", "வள்ளி|valli", "அன்பு|anbu",
            "கண்ணன்|kannan", "சரவணன்|saravanan", "பாலா|bala", "ஜெயா|jaya", "விஜய்|vijay", "அஷ்வின்|ashwin", "நந்தினி|nandhini",
            "கோகிலா|kokila", "பொன்னி|ponni", "தமிழ்செல்வி|tamilselvi", "இளங்கோ|ilango"),
        Pairs("குமார்|kumar", "ராஜேந்திரன்|rajendran", "சுப்பிரமணியன்|subramanian", "சுந்தரம்|sundaram", "நாராயணன்|narayanan",
            "வெங்கடேசன்|venkatesan", "கிருஷ்ணன்|krishnan", "ராமசாமி|ramasamy", "பழனிசாமி|palanisamy", "ஆறுமுகம்|arumugam",
            "சண்முகம்|shanmugam", "கணேசன்|ganesan", "சேகர்|sekar", "மணி|mani", "பெருமாள்|perumal", "கோபால்|gopal"),
        Pairs("சென்னை|chennai", "மதுரை|madurai", "கோயம்புத்தூர்|coimbatore", "தஞ்சாவூர்|thanjavur", "திருச்சி|trichy",
            "சேலம்|salem", "ஈரோடு|erode", "வேலூர்|vellore", "திருநெல்வேலி|tirunelveli", "காஞ்சிபுரம்|kanchipuram",
            "தூத்துக்குடி|thoothukudi", "கும்பகோணம்|kumbakonam"),
        Pairs("மென்பொருள்|software", "சேவைகள்|services", "கணக்கியல்|accounts", "நிறுவனம்|company", "ஜவுளி|textiles",
            "கலைக்கூடம்|arts", "வணிக|trade", "தொழில்நுட்பங்கள்|tech", "உணவகம்|foods", "மருந்தகம்|pharmacy",
            "போக்குவரத்து|transport", "கட்டுமான|builders", "ஏற்றுமதி|exports", "அச்சகம்|press", "நகைக்கடை|jewellers",
            "பயணங்கள்|travels"),
        []);

    public static readonly Script Kannada = new(
        "Kannada", "IN", "INR", ["Karnataka"],
        Pairs("ರಮೇಶ್|ramesh", "ಅನಿತಾ|anitha", "ಸುಮಾ|suma", "ಪ್ರಕಾಶ್|prakash", "ವಿನಯ್|vinay", "ಕಾವ್ಯ|kavya",
            "ಮಂಜುನಾಥ್|manjunath", "ಶ್ರೀನಿವಾಸ್|srinivas", "ಲತಾ|latha", "ಗೀತಾ|geetha", "ಸಂತೋಷ್|santhosh", "ಪೂಜಾ|pooja",
            "ರಾಘವೇಂದ್ರ|raghavendra", "ಅರ್ಜುನ್|arjun", "ದೀಪಕ್|deepak", "ಶ್ವೇತಾ|shwetha", "ಕೃಷ್ಣ|krishna", "ನಾಗರಾಜ್|nagaraj"),
        Pairs("ಗೌಡ|gowda", "ಶೆಟ್ಟಿ|shetty", "ಹೆಗಡೆ|hegde", "ರಾವ್|rao", "ಕುಲಕರ್ಣಿ|kulkarni", "ಭಟ್|bhat", "ನಾಯಕ್|nayak",
            "ಪಾಟೀಲ್|patil", "ಜೋಶಿ|joshi", "ದೇಶಪಾಂಡೆ|deshpande", "ಕಾಮತ್|kamath", "ಪೈ|pai", "ಮೂರ್ತಿ|murthy", "ಆಚಾರ್ಯ|acharya"),
        Pairs("ಬೆಂಗಳೂರು|bengaluru", "ಮೈಸೂರು|mysuru", "ಮಂಗಳೂರು|mangaluru", "ಹುಬ್ಬಳ್ಳಿ|hubballi", "ಧಾರವಾಡ|dharwad",
            "ಬೆಳಗಾವಿ|belagavi", "ಉಡುಪಿ|udupi", "ಶಿವಮೊಗ್ಗ|shivamogga", "ತುಮಕೂರು|tumakuru", "ದಾವಣಗೆರೆ|davanagere",
            "ಹಾಸನ|hassan", "ಬಳ್ಳಾರಿ|ballari"),
        Pairs("ತಂತ್ರಜ್ಞಾನ|tech", "ಸಂಸ್ಥೆ|institute", "ರೇಷ್ಮೆ|silk", "ಮಳಿಗೆ|store", "ಬಂದರು|port", "ಸಾಗಣೆ|shipping",
            "ಕೃಷಿ|agri", "ಉಪಕರಣಗಳು|tools", "ಚಿಲ್ಲರೆ|retail", "ವ್ಯಾಪಾರ|trade", "ಗ್ರಾಹಕ|consumer", "ಸೇವೆ|service",
            "ಔಷಧ|pharma", "ಮುದ್ರಣ|print", "ನಿರ್ವಹಣೆ|management", "ಕಾಫಿ|coffee"),
        []);

    public static readonly Script Georgian = new(
        "Georgian", "GE", "GEL", ["Tbilisi", "Adjara", "Imereti", "Kakheti"],
        Pairs("გიორგი|giorgi", "ნინო|nino", "ლევან|levan", "თამარ|tamar", "დავით|davit", "ანა|ana", "ლუკა|luka",
            "მარიამ|mariam", "ნიკოლოზ|nikoloz", "ეკატერინე|ekaterine", "ირაკლი|irakli", "სალომე|salome", "ზურაბ|zurab",
            "ქეთევან|ketevan", "ბექა|beka", "ნათია|natia", "გვანცა|gvantsa", "სანდრო|sandro"),
        Pairs("ბერიძე|beridze", "კაპანაძე|kapanadze", "მაისურაძე|maisuradze", "ჯაფარიძე|japaridze", "გელაშვილი|gelashvili",
            "ლომიძე|lomidze", "ხარაიშვილი|kharaishvili", "წერეთელი|tsereteli", "ჩხეიძე|chkheidze", "აბაშიძე|abashidze",
            "ნოზაძე|nozadze", "კვარაცხელია|kvaratskhelia", "გოგოლაძე|gogoladze", "ტაბიძე|tabidze"),
        Pairs("თბილისი|tbilisi", "ბათუმი|batumi", "ქუთაისი|kutaisi", "რუსთავი|rustavi", "გორი|gori", "ზუგდიდი|zugdidi",
            "ფოთი|poti", "თელავი|telavi", "მცხეთა|mtskheta", "სიღნაღი|sighnaghi", "ბორჯომი|borjomi", "ზესტაფონი|zestaponi"),
        Pairs("ციფრული|digital", "სტუდია|studio", "ლოჯისტიკა|logistics", "ღვინის|wine", "სახლი|house", "ვაჭრობა|trade",
            "სერვისი|service", "ჯგუფი|group", "კომპანია|company", "ტექნოლოგიები|tech", "მარნები|cellars", "სასტუმრო|hotel",
            "აფთიაქი|pharmacy", "მშენებლობა|construction", "ურთიერთობის|relations", "მენეჯმენტი|management"),
        ["შპს", "სს"]);

    public static readonly Script Urdu = new(
        "Urdu", "PK", "PKR", ["Punjab", "Sindh", "Islamabad", "Khyber Pakhtunkhwa"],
        Pairs("علی|ali", "فاطمہ|fatima", "عمر|umar", "زینب|zainab", "احمد|ahmed", "عائشہ|ayesha", "حسن|hassan", "مریم|maryam",
            "بلال|bilal", "سارہ|sara", "عثمان|usman", "حمزہ|hamza", "نادیہ|nadia", "کامران|kamran", "رضوان|rizwan", "ثناء|sana"),
        Pairs("رضا|raza", "فاروق|farooq", "حسین|hussain", "خان|khan", "قریشی|qureshi", "ملک|malik", "چوہدری|chaudhry",
            "شیخ|sheikh", "بٹ|butt", "صدیقی|siddiqui", "مرزا|mirza", "اعوان|awan", "ہاشمی|hashmi", "جعفری|jafri"),
        Pairs("لاہور|lahore", "کراچی|karachi", "اسلام آباد|islamabad", "فیصل آباد|faisalabad", "ملتان|multan", "پشاور|peshawar",
            "کوئٹہ|quetta", "سیالکوٹ|sialkot", "حیدرآباد|hyderabad", "گوجرانوالہ|gujranwala"),
        Pairs("ٹیکسٹائل|textile", "ملز|mills", "لاجسٹکس|logistics", "مشاورتی|advisory", "گروپ|group", "تجارت|trading",
            "انٹرپرائزز|enterprises", "سروسز|services", "فارما|pharma", "کمپنی|company", "مصنوعات|products", "الیکٹرانکس|electronics"),
        ["پرائیویٹ لمیٹڈ"]);

    public static readonly Script Gujarati = new(
        "Gujarati", "IN", "INR", ["Gujarat"],
        Pairs("હર્ષ|harsh", "નેહા|neha", "કિરણ|kiran", "જયેશ|jayesh", "પ્રિયંકા|priyanka", "ધ્રુવ|dhruv", "હેતલ|hetal",
            "મિતેશ|mitesh", "રીના|reena", "ભાવિન|bhavin", "કૃપા|krupa", "નિલેશ|nilesh", "દિશા|disha", "પાર્થ|parth"),
        Pairs("પટેલ|patel", "શાહ|shah", "દેસાઈ|desai", "મહેતા|mehta", "જોશી|joshi", "પંડ્યા|pandya", "ત્રિવેદી|trivedi",
            "ચૌહાણ|chauhan", "પરમાર|parmar", "ઠક્કર|thakkar"),
        Pairs("અમદાવાદ|amdavad", "સુરત|surat", "વડોદરા|vadodara", "રાજકોટ|rajkot", "ભાવનગર|bhavnagar", "જામનગર|jamnagar",
            "ગાંધીનગર|gandhinagar", "જૂનાગઢ|junagadh", "આણંદ|anand", "ભરૂચ|bharuch"),
        Pairs("ટેક્સટાઇલ્સ|textiles", "ડાયમંડ|diamond", "ટ્રેડર્સ|traders", "ફાર્મા|pharma", "એન્જિનિયરિંગ|engineering",
            "ઉદ્યોગ|industries", "સેવા|seva", "કેમિકલ્સ|chemicals", "ડેરી|dairy", "સિરામિક્સ|ceramics"),
        []);

    /// <summary>The scripts with their share of customers (out of 100).</summary>
    public static readonly (Script Script, int Weight)[] Scripts =
    [
        (LatinScript, 30), (Tamil, 16), (Kannada, 16), (Georgian, 14), (Urdu, 14), (Gujarati, 10),
    ];

    /// <summary>Industries (the list filters on the exact value).</summary>
    public static readonly string[] Industries =
    [
        "Accounting", "IT services", "Manufacturing", "Retail", "Logistics", "Wholesale", "Healthcare", "Consulting",
        "Marketing", "Food and drink", "Construction", "Education", "Legal", "Hospitality", "Agriculture", "Private client",
    ];

    /// <summary>Tags and how often they are given (per mille of customers).</summary>
    public static readonly (string Name, int PerMille)[] Tags =
    [
        ("retainer", 180), ("priority", 150), ("new", 120), ("at risk", 80), ("partner", 60), ("vip", 40), ("wholesale", 50),
        ("export", 40), ("முன்னுரிமை", 30), ("ಆದ್ಯತೆ", 30), ("პარტნიორი", 25), ("اہم", 25), ("ભાગીદાર", 20), ("newsletter", 200),
    ];

    /// <summary>Subjects of interactions by channel.</summary>
    public static readonly string[] CallSubjects =
    [
        "Quarterly review call", "Follow-up on the proposal", "Support hours for the year end", "Kick-off for the website relaunch",
        "Budget question", "வாடிக்கையாளர் சேவை அழைப்பு", "ಗ್ರಾಹಕ ಸೇವೆ ಕರೆ", "ზარი ხელშეკრულების შესახებ",
    ];

    public static readonly string[] EmailSubjects =
    [
        "Monthly report sent", "Invoice query", "Meeting notes and next steps", "Updated statement of work", "Holiday schedule",
        "ماہانہ رپورٹ", "માસિક અહેવાલ",
    ];

    public static readonly string[] MeetingSubjects =
    [
        "Workshop on the new reporting process", "Steering committee", "Lunch with the management team", "On-site visit",
    ];

    public static readonly string[] NoteSubjects =
    [
        "Prefers calls in the morning", "Decision maker changes in April", "Interested in the analytics package", "Renewal due next quarter",
    ];

    public static readonly string[] ComplaintSubjects =
    [
        "Report delivered late", "Invoice sent to the wrong address", "Slow response from the support desk", "Timesheet hours disputed",
    ];

    public static readonly string[] InquirySubjects =
    [
        "Asked for a quote for payroll services", "Question about GST invoices", "Wants a training for new staff", "Price list for next year",
    ];

    public static readonly string[] Bodies =
    [
        "Discussed the open points and agreed on the next steps; a summary follows by e-mail.",
        "வாடிக்கையாளர் உறவு மேலாண்மை பற்றிய கேள்விகளுக்குப் பதில் அளிக்கப்பட்டது.",
        "ಗ್ರಾಹಕ ಸಂಬಂಧ ನಿರ್ವಹಣೆಯ ಬಗ್ಗೆ ಚರ್ಚಿಸಲಾಯಿತು ಮತ್ತು ಮುಂದಿನ ಹಂತಗಳನ್ನು ಒಪ್ಪಲಾಯಿತು.",
        "მომხმარებელთან ურთიერთობის საკითხები განვიხილეთ და შევთანხმდით შემდეგ ნაბიჯებზე.",
        "Customer asked for the revised figures before the end of the month.",
    ];
}
