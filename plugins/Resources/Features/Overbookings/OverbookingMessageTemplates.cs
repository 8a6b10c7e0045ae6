using CrmBlazor.Sdk.Messaging;

namespace CrmBlazor.Plugins.Resources.Features.Overbookings;

/// <summary>
/// The message the plugin sends, registered with <c>AddMessageTemplate</c> so that the firm can change its
/// wording per language on <c>/messages</c>: the daily check's note to a manager that one of their people is
/// planned above capacity. Hours are numbers the template writes in its language's culture; the weeks are
/// listed in ISO notation (<c>2026-W49</c>), the same in every language.
/// </summary>
public static class OverbookingMessageTemplates
{
    /// <summary>A person newly planned above capacity, to their manager.</summary>
    public const string OverbookedKey = "resources.overbooked";

    /// <summary>The templates the plugin registers.</summary>
    public static IReadOnlyList<MessageTemplateDefinition> All { get; } =
    [
        new()
        {
            Key = OverbookedKey,
            Title = "Over-allocation found",
            Fields =
            [
                new("person.name", "Person's name", "Kavya Nair"),
                new("person.link", "Address of the person's planning (empty unless Crm:PublicUrl is set)", "https://crm.example.com/resources/people/7"),
                new("manager.name", "Manager's name", "Arjun Mehta"),
                new("overbooking.week", "First week above capacity (number)", "49"),
                new("overbooking.year", "Year of that week", "2026"),
                new("overbooking.allocated", "Hours planned in that week", "46"),
                new("overbooking.capacity", "Capacity in that week, in hours", "37.5"),
                new("overbooking.week_count", "How many weeks are newly above capacity", "2"),
                new("overbooking.weeks", "The weeks newly above capacity", "2026-W49, 2026-W50"),
            ],
            Defaults = new Dictionary<string, MessageTemplateText>
            {
                ["en"] = new(
                    "{{ person.name }} is planned above capacity in week {{ overbooking.week }} of {{ overbooking.year }}",
                    "<p>Hello {{ manager.name }},</p><p>{{ person.name }} is planned above capacity across all projects: {{ overbooking.allocated }} h of {{ overbooking.capacity }} h in week {{ overbooking.week }} of {{ overbooking.year }}.</p><p>Weeks newly above capacity ({{ overbooking.week_count }}): {{ overbooking.weeks }}</p>{% if person.link %}<p>Their planning: <a href=\"{{ person.link }}\">{{ person.link }}</a></p>{% endif %}<p>You hear of each over-allocation once; if it is resolved and recurs, you hear of it again.</p>"),
                ["ta"] = new(
                    "{{ person.name }} {{ overbooking.year }} ஆம் ஆண்டின் வாரம் {{ overbooking.week }} இல் திறனுக்கு மேல் திட்டமிடப்பட்டுள்ளார்",
                    "<p>வணக்கம் {{ manager.name }},</p><p>எல்லாத் திட்டங்களிலும் சேர்த்து {{ person.name }} திறனுக்கு மேல் திட்டமிடப்பட்டுள்ளார்: {{ overbooking.year }} ஆம் ஆண்டின் வாரம் {{ overbooking.week }} இல் {{ overbooking.capacity }} மணி நேரத்தில் {{ overbooking.allocated }} மணி நேரம்.</p><p>புதிதாகத் திறனுக்கு மேல் உள்ள வாரங்கள் ({{ overbooking.week_count }}): {{ overbooking.weeks }}</p>{% if person.link %}<p>அவரது திட்டமிடல்: <a href=\"{{ person.link }}\">{{ person.link }}</a></p>{% endif %}<p>ஒவ்வொரு அதிக ஒதுக்கீட்டையும் பற்றி ஒருமுறை மட்டுமே உங்களுக்குத் தெரிவிக்கப்படும்; அது சரிசெய்யப்பட்டு மீண்டும் நிகழ்ந்தால், மீண்டும் தெரிவிக்கப்படும்.</p>"),
                ["kn"] = new(
                    "{{ person.name }} ಅವರನ್ನು {{ overbooking.year }} ರ ವಾರ {{ overbooking.week }} ರಲ್ಲಿ ಸಾಮರ್ಥ್ಯಕ್ಕಿಂತ ಹೆಚ್ಚು ಯೋಜಿಸಲಾಗಿದೆ",
                    "<p>ನಮಸ್ಕಾರ {{ manager.name }},</p><p>ಎಲ್ಲಾ ಯೋಜನೆಗಳನ್ನು ಸೇರಿಸಿ {{ person.name }} ಅವರನ್ನು ಸಾಮರ್ಥ್ಯಕ್ಕಿಂತ ಹೆಚ್ಚು ಯೋಜಿಸಲಾಗಿದೆ: {{ overbooking.year }} ರ ವಾರ {{ overbooking.week }} ರಲ್ಲಿ {{ overbooking.capacity }} ಗಂಟೆಗಳಲ್ಲಿ {{ overbooking.allocated }} ಗಂಟೆಗಳು.</p><p>ಹೊಸದಾಗಿ ಸಾಮರ್ಥ್ಯ ಮೀರಿದ ವಾರಗಳು ({{ overbooking.week_count }}): {{ overbooking.weeks }}</p>{% if person.link %}<p>ಅವರ ಯೋಜನೆ: <a href=\"{{ person.link }}\">{{ person.link }}</a></p>{% endif %}<p>ಪ್ರತಿ ಅಧಿಕ ಹಂಚಿಕೆಯ ಬಗ್ಗೆ ನಿಮಗೆ ಒಮ್ಮೆ ಮಾತ್ರ ತಿಳಿಸಲಾಗುತ್ತದೆ; ಅದು ಪರಿಹಾರವಾಗಿ ಮತ್ತೆ ಸಂಭವಿಸಿದರೆ, ಮತ್ತೆ ತಿಳಿಸಲಾಗುತ್ತದೆ.</p>"),
                ["gu"] = new(
                    "{{ person.name }}નું {{ overbooking.year }}ના અઠવાડિયા {{ overbooking.week }}માં ક્ષમતા કરતાં વધુ આયોજન થયું છે",
                    "<p>નમસ્તે {{ manager.name }},</p><p>બધા પ્રોજેક્ટ મળીને {{ person.name }}નું ક્ષમતા કરતાં વધુ આયોજન થયું છે: {{ overbooking.year }}ના અઠવાડિયા {{ overbooking.week }}માં {{ overbooking.capacity }} કલાકમાંથી {{ overbooking.allocated }} કલાક.</p><p>નવેસરથી ક્ષમતા કરતાં વધુ થયેલાં અઠવાડિયાં ({{ overbooking.week_count }}): {{ overbooking.weeks }}</p>{% if person.link %}<p>તેમનું આયોજન: <a href=\"{{ person.link }}\">{{ person.link }}</a></p>{% endif %}<p>દરેક વધારાની ફાળવણી વિશે આપને એક જ વાર જણાવવામાં આવે છે; જો તે ઉકેલાયા પછી ફરી થાય, તો ફરી જણાવવામાં આવશે.</p>"),
                ["ur"] = new(
                    "{{ person.name }} کی منصوبہ بندی {{ overbooking.year }} کے ہفتہ {{ overbooking.week }} میں گنجائش سے زیادہ ہے",
                    "<p>السلام علیکم {{ manager.name }}،</p><p>تمام منصوبوں کو ملا کر {{ person.name }} کی منصوبہ بندی گنجائش سے زیادہ ہے: {{ overbooking.year }} کے ہفتہ {{ overbooking.week }} میں {{ overbooking.capacity }} گھنٹوں میں سے {{ overbooking.allocated }} گھنٹے۔</p><p>نئے سرے سے گنجائش سے زیادہ ہفتے ({{ overbooking.week_count }}): {{ overbooking.weeks }}</p>{% if person.link %}<p>ان کی منصوبہ بندی: <a href=\"{{ person.link }}\">{{ person.link }}</a></p>{% endif %}<p>ہر زائد تفویض کی اطلاع آپ کو ایک ہی بار دی جاتی ہے؛ اگر وہ حل ہونے کے بعد دوبارہ ہو تو دوبارہ اطلاع دی جائے گی۔</p>"),
                ["ka"] = new(
                    "{{ person.name }} {{ overbooking.year }} წლის {{ overbooking.week }}-ე კვირაში შესაძლებლობაზე მეტად არის დაგეგმილი",
                    "<p>გამარჯობა, {{ manager.name }},</p><p>ყველა პროექტის ჯამში {{ person.name }} შესაძლებლობაზე მეტად არის დაგეგმილი: {{ overbooking.year }} წლის {{ overbooking.week }}-ე კვირაში {{ overbooking.allocated }} სთ {{ overbooking.capacity }} სთ-დან.</p><p>კვირები, რომლებიც ახლახან გადააჭარბა შესაძლებლობას ({{ overbooking.week_count }}): {{ overbooking.weeks }}</p>{% if person.link %}<p>მისი დაგეგმვა: <a href=\"{{ person.link }}\">{{ person.link }}</a></p>{% endif %}<p>თითოეული გადატვირთვის შესახებ ერთხელ გეცნობებათ; თუ ის აღმოიფხვრება და განმეორდება, კვლავ გეცნობებათ.</p>"),
            },
        },
    ];
}
