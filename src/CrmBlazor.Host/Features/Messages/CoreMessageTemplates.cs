using CrmBlazor.Sdk.Messaging;

namespace CrmBlazor.Host.Features.Messages;

/// <summary>The messages the core sends, registered like a plugin's (<see cref="CoreModule"/>).</summary>
internal static class CoreMessageTemplates
{
    /// <summary>The key of <see cref="Invitation"/>.</summary>
    public const string InvitationKey = "crm.invitation";

    /// <summary>The key of <see cref="PasswordReset"/>.</summary>
    public const string PasswordResetKey = "crm.password-reset";

    /// <summary>The invitation to a colleague to sign in to the CRM for the first time.</summary>
    public static MessageTemplateDefinition Invitation { get; } = new()
    {
        Key = InvitationKey,
        Title = "Invitation to the CRM",
        Fields =
        [
            new("invitation.name", "Invited person's name", "Priya Nair"),
            new("invitation.link", "Link to accept the invitation", "https://crm.example/invitation/…"),
            new("invitation.expires", "When the link expires", "9 December 2026, 17:00"),
        ],
        Defaults = new Dictionary<string, MessageTemplateText>
        {
            ["en"] = new(
                "Your access to {{ firm.name }}'s CRM",
                "<p>Hello {{ invitation.name }},</p>\n<p>You have been invited to {{ firm.name }}'s CRM. Choose your password here:</p>\n<p><a href=\"{{ invitation.link }}\">{{ invitation.link }}</a></p>\n<p>The link works until {{ invitation.expires }}.</p>",
                "Hello {{ invitation.name }},\n\nYou have been invited to {{ firm.name }}'s CRM. Choose your password here:\n{{ invitation.link }}\n\nThe link works until {{ invitation.expires }}."),
            ["ta"] = new(
                "{{ firm.name }} CRM-க்கான உங்கள் அணுகல்",
                "<p>வணக்கம் {{ invitation.name }},</p>\n<p>{{ firm.name }} CRM-க்கு நீங்கள் அழைக்கப்பட்டுள்ளீர்கள். உங்கள் கடவுச்சொல்லை இங்கே தேர்ந்தெடுக்கவும்:</p>\n<p><a href=\"{{ invitation.link }}\">{{ invitation.link }}</a></p>\n<p>இந்த இணைப்பு {{ invitation.expires }} வரை செயல்படும்.</p>",
                "வணக்கம் {{ invitation.name }},\n\n{{ firm.name }} CRM-க்கு நீங்கள் அழைக்கப்பட்டுள்ளீர்கள். உங்கள் கடவுச்சொல்லை இங்கே தேர்ந்தெடுக்கவும்:\n{{ invitation.link }}\n\nஇந்த இணைப்பு {{ invitation.expires }} வரை செயல்படும்."),
            ["kn"] = new(
                "{{ firm.name }} CRM ಗೆ ನಿಮ್ಮ ಪ್ರವೇಶ",
                "<p>ನಮಸ್ಕಾರ {{ invitation.name }},</p>\n<p>ನಿಮ್ಮನ್ನು {{ firm.name }} CRM ಗೆ ಆಹ್ವಾನಿಸಲಾಗಿದೆ. ನಿಮ್ಮ ಪಾಸ್‌ವರ್ಡ್ ಅನ್ನು ಇಲ್ಲಿ ಆಯ್ಕೆಮಾಡಿ:</p>\n<p><a href=\"{{ invitation.link }}\">{{ invitation.link }}</a></p>\n<p>ಈ ಲಿಂಕ್ {{ invitation.expires }} ರವರೆಗೆ ಕೆಲಸ ಮಾಡುತ್ತದೆ.</p>",
                "ನಮಸ್ಕಾರ {{ invitation.name }},\n\nನಿಮ್ಮನ್ನು {{ firm.name }} CRM ಗೆ ಆಹ್ವಾನಿಸಲಾಗಿದೆ. ನಿಮ್ಮ ಪಾಸ್‌ವರ್ಡ್ ಅನ್ನು ಇಲ್ಲಿ ಆಯ್ಕೆಮಾಡಿ:\n{{ invitation.link }}\n\nಈ ಲಿಂಕ್ {{ invitation.expires }} ರವರೆಗೆ ಕೆಲಸ ಮಾಡುತ್ತದೆ."),
            ["gu"] = new(
                "{{ firm.name }} CRM માં તમારો પ્રવેશ",
                "<p>નમસ્તે {{ invitation.name }},</p>\n<p>તમને {{ firm.name }} CRM માં આમંત્રિત કરવામાં આવ્યા છે. તમારો પાસવર્ડ અહીં પસંદ કરો:</p>\n<p><a href=\"{{ invitation.link }}\">{{ invitation.link }}</a></p>\n<p>આ લિંક {{ invitation.expires }} સુધી કામ કરશે.</p>",
                "નમસ્તે {{ invitation.name }},\n\nતમને {{ firm.name }} CRM માં આમંત્રિત કરવામાં આવ્યા છે. તમારો પાસવર્ડ અહીં પસંદ કરો:\n{{ invitation.link }}\n\nઆ લિંક {{ invitation.expires }} સુધી કામ કરશે."),
            ["ur"] = new(
                "{{ firm.name }} CRM تک آپ کی رسائی",
                "<p>السلام علیکم {{ invitation.name }}،</p>\n<p>آپ کو {{ firm.name }} CRM میں مدعو کیا گیا ہے۔ اپنا پاس ورڈ یہاں منتخب کریں:</p>\n<p><a href=\"{{ invitation.link }}\">{{ invitation.link }}</a></p>\n<p>یہ لنک {{ invitation.expires }} تک کام کرے گا۔</p>",
                "السلام علیکم {{ invitation.name }}،\n\nآپ کو {{ firm.name }} CRM میں مدعو کیا گیا ہے۔ اپنا پاس ورڈ یہاں منتخب کریں:\n{{ invitation.link }}\n\nیہ لنک {{ invitation.expires }} تک کام کرے گا۔"),
            ["ka"] = new(
                "თქვენი წვდომა {{ firm.name }}-ის CRM-ზე",
                "<p>გამარჯობა, {{ invitation.name }}!</p>\n<p>თქვენ მოგიწვიეს {{ firm.name }}-ის CRM-ში. აირჩიეთ პაროლი აქ:</p>\n<p><a href=\"{{ invitation.link }}\">{{ invitation.link }}</a></p>\n<p>ბმული იმუშავებს {{ invitation.expires }}-მდე.</p>",
                "გამარჯობა, {{ invitation.name }}!\n\nთქვენ მოგიწვიეს {{ firm.name }}-ის CRM-ში. აირჩიეთ პაროლი აქ:\n{{ invitation.link }}\n\nბმული იმუშავებს {{ invitation.expires }}-მდე."),
        },
    };

    /// <summary>A link to choose a new password, asked for on the forgotten-password page or issued by an administrator.</summary>
    public static MessageTemplateDefinition PasswordReset { get; } = new()
    {
        Key = PasswordResetKey,
        Title = "New password link",
        Fields =
        [
            new("reset.name", "The person's name", "Priya Nair"),
            new("reset.link", "Link to choose a new password", "https://crm.example/account/reset-password?token=…"),
            new("reset.expires", "When the link expires", "9 December 2026, 17:00"),
        ],
        Defaults = new Dictionary<string, MessageTemplateText>
        {
            ["en"] = new(
                "A new password for {{ firm.name }}'s CRM",
                "<p>Hello {{ reset.name }},</p>\n<p>Someone asked for a new password for your account at {{ firm.name }}'s CRM. Choose it here:</p>\n<p><a href=\"{{ reset.link }}\">{{ reset.link }}</a></p>\n<p>The link works once, until {{ reset.expires }}. If you did not ask for it, ignore this message: your password stays as it is.</p>",
                "Hello {{ reset.name }},\n\nSomeone asked for a new password for your account at {{ firm.name }}'s CRM. Choose it here:\n{{ reset.link }}\n\nThe link works once, until {{ reset.expires }}. If you did not ask for it, ignore this message: your password stays as it is."),
            ["ta"] = new(
                "{{ firm.name }} CRM-க்கான புதிய கடவுச்சொல்",
                "<p>வணக்கம் {{ reset.name }},</p>\n<p>{{ firm.name }} CRM-இல் உள்ள உங்கள் கணக்கிற்குப் புதிய கடவுச்சொல் கோரப்பட்டது. அதை இங்கே தேர்ந்தெடுக்கவும்:</p>\n<p><a href=\"{{ reset.link }}\">{{ reset.link }}</a></p>\n<p>இந்த இணைப்பு ஒரு முறை, {{ reset.expires }} வரை செயல்படும். நீங்கள் இதைக் கோரவில்லை என்றால், இந்தச் செய்தியைப் புறக்கணிக்கவும்: உங்கள் கடவுச்சொல் மாறாது.</p>",
                "வணக்கம் {{ reset.name }},\n\n{{ firm.name }} CRM-இல் உள்ள உங்கள் கணக்கிற்குப் புதிய கடவுச்சொல் கோரப்பட்டது. அதை இங்கே தேர்ந்தெடுக்கவும்:\n{{ reset.link }}\n\nஇந்த இணைப்பு ஒரு முறை, {{ reset.expires }} வரை செயல்படும். நீங்கள் இதைக் கோரவில்லை என்றால், இந்தச் செய்தியைப் புறக்கணிக்கவும்: உங்கள் கடவுச்சொல் மாறாது."),
            ["kn"] = new(
                "{{ firm.name }} CRM ಗಾಗಿ ಹೊಸ ಪಾಸ್‌ವರ್ಡ್",
                "<p>ನಮಸ್ಕಾರ {{ reset.name }},</p>\n<p>{{ firm.name }} CRM ನಲ್ಲಿರುವ ನಿಮ್ಮ ಖಾತೆಗೆ ಹೊಸ ಪಾಸ್‌ವರ್ಡ್ ಕೇಳಲಾಗಿದೆ. ಅದನ್ನು ಇಲ್ಲಿ ಆಯ್ಕೆಮಾಡಿ:</p>\n<p><a href=\"{{ reset.link }}\">{{ reset.link }}</a></p>\n<p>ಈ ಲಿಂಕ್ ಒಮ್ಮೆ ಮಾತ್ರ, {{ reset.expires }} ರವರೆಗೆ ಕೆಲಸ ಮಾಡುತ್ತದೆ. ನೀವು ಇದನ್ನು ಕೇಳದಿದ್ದರೆ, ಈ ಸಂದೇಶವನ್ನು ನಿರ್ಲಕ್ಷಿಸಿ: ನಿಮ್ಮ ಪಾಸ್‌ವರ್ಡ್ ಬದಲಾಗುವುದಿಲ್ಲ.</p>",
                "ನಮಸ್ಕಾರ {{ reset.name }},\n\n{{ firm.name }} CRM ನಲ್ಲಿರುವ ನಿಮ್ಮ ಖಾತೆಗೆ ಹೊಸ ಪಾಸ್‌ವರ್ಡ್ ಕೇಳಲಾಗಿದೆ. ಅದನ್ನು ಇಲ್ಲಿ ಆಯ್ಕೆಮಾಡಿ:\n{{ reset.link }}\n\nಈ ಲಿಂಕ್ ಒಮ್ಮೆ ಮಾತ್ರ, {{ reset.expires }} ರವರೆಗೆ ಕೆಲಸ ಮಾಡುತ್ತದೆ. ನೀವು ಇದನ್ನು ಕೇಳದಿದ್ದರೆ, ಈ ಸಂದೇಶವನ್ನು ನಿರ್ಲಕ್ಷಿಸಿ: ನಿಮ್ಮ ಪಾಸ್‌ವರ್ಡ್ ಬದಲಾಗುವುದಿಲ್ಲ."),
            ["gu"] = new(
                "{{ firm.name }} CRM માટે નવો પાસવર્ડ",
                "<p>નમસ્તે {{ reset.name }},</p>\n<p>{{ firm.name }} CRM માં તમારા એકાઉન્ટ માટે નવો પાસવર્ડ માંગવામાં આવ્યો છે. તે અહીં પસંદ કરો:</p>\n<p><a href=\"{{ reset.link }}\">{{ reset.link }}</a></p>\n<p>આ લિંક એક જ વાર, {{ reset.expires }} સુધી કામ કરશે. જો તમે તે માંગ્યો ન હોય, તો આ સંદેશ અવગણો: તમારો પાસવર્ડ બદલાશે નહીં.</p>",
                "નમસ્તે {{ reset.name }},\n\n{{ firm.name }} CRM માં તમારા એકાઉન્ટ માટે નવો પાસવર્ડ માંગવામાં આવ્યો છે. તે અહીં પસંદ કરો:\n{{ reset.link }}\n\nઆ લિંક એક જ વાર, {{ reset.expires }} સુધી કામ કરશે. જો તમે તે માંગ્યો ન હોય, તો આ સંદેશ અવગણો: તમારો પાસવર્ડ બદલાશે નહીં."),
            ["ur"] = new(
                "{{ firm.name }} CRM کے لیے نیا پاس ورڈ",
                "<p>السلام علیکم {{ reset.name }}،</p>\n<p>{{ firm.name }} CRM میں آپ کے اکاؤنٹ کے لیے نئے پاس ورڈ کی درخواست کی گئی ہے۔ اسے یہاں منتخب کریں:</p>\n<p><a href=\"{{ reset.link }}\">{{ reset.link }}</a></p>\n<p>یہ لنک ایک بار، {{ reset.expires }} تک کام کرے گا۔ اگر آپ نے یہ درخواست نہیں کی تو اس پیغام کو نظر انداز کریں: آپ کا پاس ورڈ نہیں بدلے گا۔</p>",
                "السلام علیکم {{ reset.name }}،\n\n{{ firm.name }} CRM میں آپ کے اکاؤنٹ کے لیے نئے پاس ورڈ کی درخواست کی گئی ہے۔ اسے یہاں منتخب کریں:\n{{ reset.link }}\n\nیہ لنک ایک بار، {{ reset.expires }} تک کام کرے گا۔ اگر آپ نے یہ درخواست نہیں کی تو اس پیغام کو نظر انداز کریں: آپ کا پاس ورڈ نہیں بدلے گا۔"),
            ["ka"] = new(
                "ახალი პაროლი {{ firm.name }}-ის CRM-ისთვის",
                "<p>გამარჯობა, {{ reset.name }}!</p>\n<p>{{ firm.name }}-ის CRM-ში თქვენი ანგარიშისთვის ახალი პაროლი მოითხოვეს. აირჩიეთ იგი აქ:</p>\n<p><a href=\"{{ reset.link }}\">{{ reset.link }}</a></p>\n<p>ბმული ერთხელ იმუშავებს, {{ reset.expires }}-მდე. თუ ეს თქვენ არ მოგითხოვიათ, ყურადღება ნუ მიაქციეთ ამ წერილს: პაროლი არ შეიცვლება.</p>",
                "გამარჯობა, {{ reset.name }}!\n\n{{ firm.name }}-ის CRM-ში თქვენი ანგარიშისთვის ახალი პაროლი მოითხოვეს. აირჩიეთ იგი აქ:\n{{ reset.link }}\n\nბმული ერთხელ იმუშავებს, {{ reset.expires }}-მდე. თუ ეს თქვენ არ მოგითხოვიათ, ყურადღება ნუ მიაქციეთ ამ წერილს: პაროლი არ შეიცვლება."),
        },
    };
}
