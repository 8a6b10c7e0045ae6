using CrmBlazor.Sdk.Messaging;

namespace CrmBlazor.Plugins.Surveys.Features.Sending;

/// <summary>
/// The messages the plugin sends, registered with <c>AddMessageTemplate</c> so that the firm can change their
/// wording per language on <c>/messages</c>: the invitation to a survey and its one reminder. Both carry the
/// personal link (an absolute address under <c>Crm:PublicUrl</c>) and the day it stops working, written in
/// the message's language.
/// </summary>
public static class SurveyMessageTemplates
{
    /// <summary>An invitation to answer a survey through a personal link.</summary>
    public const string InvitationKey = "surveys.invitation";

    /// <summary>The one reminder of an unanswered invitation, with a new link that replaces the first.</summary>
    public const string ReminderKey = "surveys.reminder";

    private static readonly IReadOnlyList<MergeField> Fields =
    [
        new("survey.name", "Survey's name", "How did we do?"),
        new("survey.link", "Personal link to the survey", "https://crm.example.com/surveys/answer/8J3kQ…"),
        new("survey.expires", "Last day the link works", "6 January 2027"),
    ];

    /// <summary>The templates the plugin registers.</summary>
    public static IReadOnlyList<MessageTemplateDefinition> All { get; } =
    [
        new()
        {
            Key = InvitationKey,
            Title = "Survey invitation",
            Fields = Fields,
            Defaults = new Dictionary<string, MessageTemplateText>
            {
                ["en"] = new(
                    "{{ survey.name }}: we would like your opinion",
                    "<p>Dear {{ recipient.name }},</p><p>{{ firm.name }} would like to hear what you think. The survey \"{{ survey.name }}\" takes a few minutes.</p><p><a href=\"{{ survey.link }}\">Answer the survey</a></p><p>Or open this address: {{ survey.link }}</p><p>The link is yours alone and works until {{ survey.expires }}.</p>"),
                ["ta"] = new(
                    "{{ survey.name }}: உங்கள் கருத்தை அறிய விரும்புகிறோம்",
                    "<p>அன்புள்ள {{ recipient.name }},</p><p>நீங்கள் என்ன நினைக்கிறீர்கள் என்பதை அறிய {{ firm.name }} விரும்புகிறது. \"{{ survey.name }}\" கணக்கெடுப்புக்குச் சில நிமிடங்களே ஆகும்.</p><p><a href=\"{{ survey.link }}\">கணக்கெடுப்புக்குப் பதிலளிக்கவும்</a></p><p>அல்லது இந்த முகவரியைத் திறக்கவும்: {{ survey.link }}</p><p>இந்த இணைப்பு உங்களுக்கு மட்டுமே உரியது; {{ survey.expires }} வரை செயல்படும்.</p>"),
                ["kn"] = new(
                    "{{ survey.name }}: ನಿಮ್ಮ ಅಭಿಪ್ರಾಯ ತಿಳಿಯಲು ಬಯಸುತ್ತೇವೆ",
                    "<p>ಪ್ರಿಯ {{ recipient.name }},</p><p>ನಿಮ್ಮ ಅನಿಸಿಕೆಯನ್ನು ತಿಳಿಯಲು {{ firm.name }} ಬಯಸುತ್ತದೆ. \"{{ survey.name }}\" ಸಮೀಕ್ಷೆಗೆ ಕೆಲವೇ ನಿಮಿಷಗಳು ಸಾಕು.</p><p><a href=\"{{ survey.link }}\">ಸಮೀಕ್ಷೆಗೆ ಉತ್ತರಿಸಿ</a></p><p>ಅಥವಾ ಈ ವಿಳಾಸವನ್ನು ತೆರೆಯಿರಿ: {{ survey.link }}</p><p>ಈ ಲಿಂಕ್ ನಿಮಗೆ ಮಾತ್ರ ಸೇರಿದ್ದು, {{ survey.expires }} ವರೆಗೆ ಕಾರ್ಯನಿರ್ವಹಿಸುತ್ತದೆ.</p>"),
                ["gu"] = new(
                    "{{ survey.name }}: અમે આપનો અભિપ્રાય જાણવા માંગીએ છીએ",
                    "<p>પ્રિય {{ recipient.name }},</p><p>આપ શું વિચારો છો તે {{ firm.name }} જાણવા માંગે છે. \"{{ survey.name }}\" સર્વેક્ષણમાં થોડી જ મિનિટ લાગે છે.</p><p><a href=\"{{ survey.link }}\">સર્વેક્ષણનો જવાબ આપો</a></p><p>અથવા આ સરનામું ખોલો: {{ survey.link }}</p><p>આ લિંક ફક્ત આપના માટે છે અને {{ survey.expires }} સુધી ચાલશે.</p>"),
                ["ur"] = new(
                    "{{ survey.name }}: ہم آپ کی رائے جاننا چاہتے ہیں",
                    "<p>محترم {{ recipient.name }}،</p><p>{{ firm.name }} جاننا چاہتا ہے کہ آپ کیا سوچتے ہیں۔ سروے \"{{ survey.name }}\" میں صرف چند منٹ لگتے ہیں۔</p><p><a href=\"{{ survey.link }}\">سروے کا جواب دیں</a></p><p>یا یہ پتہ کھولیں: {{ survey.link }}</p><p>یہ لنک صرف آپ کے لیے ہے اور {{ survey.expires }} تک کام کرے گا۔</p>"),
                ["ka"] = new(
                    "{{ survey.name }}: გვსურს თქვენი აზრის გაგება",
                    "<p>ძვირფასო {{ recipient.name }},</p><p>{{ firm.name }}-ს სურს გაიგოს, რას ფიქრობთ. გამოკითხვას „{{ survey.name }}“ მხოლოდ რამდენიმე წუთი სჭირდება.</p><p><a href=\"{{ survey.link }}\">უპასუხეთ გამოკითხვას</a></p><p>ან გახსენით ეს მისამართი: {{ survey.link }}</p><p>ეს ბმული მხოლოდ თქვენთვისაა და იმუშავებს {{ survey.expires }}-მდე.</p>"),
            },
        },
        new()
        {
            Key = ReminderKey,
            Title = "Survey reminder",
            Fields = Fields,
            Defaults = new Dictionary<string, MessageTemplateText>
            {
                ["en"] = new(
                    "Reminder: {{ survey.name }}",
                    "<p>Dear {{ recipient.name }},</p><p>A few days ago {{ firm.name }} asked for your opinion in the survey \"{{ survey.name }}\". If you have a few minutes, we would be glad to hear from you.</p><p><a href=\"{{ survey.link }}\">Answer the survey</a></p><p>Or open this address: {{ survey.link }}</p><p>This link replaces the one in our first message and works until {{ survey.expires }}.</p>"),
                ["ta"] = new(
                    "நினைவூட்டல்: {{ survey.name }}",
                    "<p>அன்புள்ள {{ recipient.name }},</p><p>சில நாட்களுக்கு முன்பு \"{{ survey.name }}\" கணக்கெடுப்பில் {{ firm.name }} உங்கள் கருத்தைக் கேட்டது. உங்களுக்குச் சில நிமிடங்கள் இருந்தால், உங்கள் பதிலை மகிழ்ச்சியுடன் எதிர்பார்க்கிறோம்.</p><p><a href=\"{{ survey.link }}\">கணக்கெடுப்புக்குப் பதிலளிக்கவும்</a></p><p>அல்லது இந்த முகவரியைத் திறக்கவும்: {{ survey.link }}</p><p>இந்த இணைப்பு எங்கள் முதல் செய்தியில் உள்ள இணைப்புக்குப் பதிலானது; {{ survey.expires }} வரை செயல்படும்.</p>"),
                ["kn"] = new(
                    "ಜ್ಞಾಪನೆ: {{ survey.name }}",
                    "<p>ಪ್ರಿಯ {{ recipient.name }},</p><p>ಕೆಲವು ದಿನಗಳ ಹಿಂದೆ \"{{ survey.name }}\" ಸಮೀಕ್ಷೆಯಲ್ಲಿ {{ firm.name }} ನಿಮ್ಮ ಅಭಿಪ್ರಾಯವನ್ನು ಕೇಳಿತ್ತು. ನಿಮಗೆ ಕೆಲವು ನಿಮಿಷಗಳಿದ್ದರೆ, ನಿಮ್ಮ ಉತ್ತರವನ್ನು ಸಂತೋಷದಿಂದ ನಿರೀಕ್ಷಿಸುತ್ತೇವೆ.</p><p><a href=\"{{ survey.link }}\">ಸಮೀಕ್ಷೆಗೆ ಉತ್ತರಿಸಿ</a></p><p>ಅಥವಾ ಈ ವಿಳಾಸವನ್ನು ತೆರೆಯಿರಿ: {{ survey.link }}</p><p>ಈ ಲಿಂಕ್ ನಮ್ಮ ಮೊದಲ ಸಂದೇಶದಲ್ಲಿದ್ದ ಲಿಂಕ್‌ನ ಬದಲಿಗೆ ಬಂದಿದ್ದು, {{ survey.expires }} ವರೆಗೆ ಕಾರ್ಯನಿರ್ವಹಿಸುತ್ತದೆ.</p>"),
                ["gu"] = new(
                    "યાદી: {{ survey.name }}",
                    "<p>પ્રિય {{ recipient.name }},</p><p>થોડા દિવસ પહેલાં {{ firm.name }}એ \"{{ survey.name }}\" સર્વેક્ષણમાં આપનો અભિપ્રાય માંગ્યો હતો. જો આપની પાસે થોડી મિનિટ હોય, તો આપનો જવાબ જાણીને અમને આનંદ થશે.</p><p><a href=\"{{ survey.link }}\">સર્વેક્ષણનો જવાબ આપો</a></p><p>અથવા આ સરનામું ખોલો: {{ survey.link }}</p><p>આ લિંક અમારા પહેલા સંદેશની લિંકની જગ્યાએ છે અને {{ survey.expires }} સુધી ચાલશે.</p>"),
                ["ur"] = new(
                    "یاد دہانی: {{ survey.name }}",
                    "<p>محترم {{ recipient.name }}،</p><p>چند دن پہلے {{ firm.name }} نے سروے \"{{ survey.name }}\" میں آپ کی رائے پوچھی تھی۔ اگر آپ کے پاس چند منٹ ہوں تو ہمیں آپ کا جواب جان کر خوشی ہوگی۔</p><p><a href=\"{{ survey.link }}\">سروے کا جواب دیں</a></p><p>یا یہ پتہ کھولیں: {{ survey.link }}</p><p>یہ لنک ہمارے پہلے پیغام والے لنک کی جگہ ہے اور {{ survey.expires }} تک کام کرے گا۔</p>"),
                ["ka"] = new(
                    "შეხსენება: {{ survey.name }}",
                    "<p>ძვირფასო {{ recipient.name }},</p><p>რამდენიმე დღის წინ {{ firm.name }}-მა გამოკითხვაში „{{ survey.name }}“ თქვენი აზრი გკითხათ. თუ რამდენიმე წუთი გაქვთ, სიამოვნებით მოვისმენთ თქვენს პასუხს.</p><p><a href=\"{{ survey.link }}\">უპასუხეთ გამოკითხვას</a></p><p>ან გახსენით ეს მისამართი: {{ survey.link }}</p><p>ეს ბმული ცვლის ჩვენს პირველ წერილში არსებულს და იმუშავებს {{ survey.expires }}-მდე.</p>"),
            },
        },
    ];
}
