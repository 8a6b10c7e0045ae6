using CrmBlazor.Sdk.Messaging;

namespace CrmBlazor.Plugins.Invoicing.Features.Sending;

/// <summary>
/// The messages the plugin sends, registered with <c>AddMessageTemplate</c> so that the firm can change
/// their wording per language on <c>/messages</c>: an invoice, a credit note, a payment reminder. The
/// defaults use the terms of the plugin's own translations. Amounts and dates are filled in as the
/// attached PDF prints them (<c>Plugins:invoicing:DocumentCulture</c>), so the mail and the document agree.
/// </summary>
public static class InvoiceMessageTemplates
{
    /// <summary>An issued invoice, with its PDF.</summary>
    public const string InvoiceKey = "invoicing.invoice";

    /// <summary>An issued credit note, with its PDF.</summary>
    public const string CreditNoteKey = "invoicing.credit-note";

    /// <summary>A reminder of an overdue invoice, sent by the nightly job.</summary>
    public const string ReminderKey = "invoicing.payment-reminder";

    /// <summary>The templates the plugin registers.</summary>
    public static IReadOnlyList<MessageTemplateDefinition> All { get; } =
    [
        new()
        {
            Key = InvoiceKey,
            Title = "Invoice",
            Fields =
            [
                new("invoice.number", "Invoice number", "INV-2026-00042"),
                new("invoice.issue_date", "Issue date", "12/1/2026"),
                new("invoice.due_date", "Due date", "12/31/2026"),
                new("invoice.total", "Total", "1,180.00 INR"),
                new("invoice.amount_due", "Amount due", "1,180.00 INR"),
            ],
            Defaults = new Dictionary<string, MessageTemplateText>
            {
                ["en"] = new(
                    "Invoice {{ invoice.number }} from {{ firm.name }}",
                    "<p>Dear {{ recipient.name }},</p><p>please find attached our invoice {{ invoice.number }} of {{ invoice.issue_date }}. Amount due: {{ invoice.amount_due }}, by {{ invoice.due_date }}.</p><p>Kind regards,<br>{{ firm.name }}</p>"),
                ["ta"] = new(
                    "{{ firm.name }} அனுப்பும் விலைப்பட்டியல் {{ invoice.number }}",
                    "<p>அன்புள்ள {{ recipient.name }},</p><p>{{ invoice.issue_date }} தேதியிட்ட எங்கள் விலைப்பட்டியல் {{ invoice.number }} இத்துடன் இணைக்கப்பட்டுள்ளது. செலுத்த வேண்டிய தொகை: {{ invoice.amount_due }}; கெடு தேதி: {{ invoice.due_date }}.</p><p>அன்புடன்,<br>{{ firm.name }}</p>"),
                ["kn"] = new(
                    "{{ firm.name }} ಅವರಿಂದ ಇನ್‌ವಾಯ್ಸ್ {{ invoice.number }}",
                    "<p>ಆತ್ಮೀಯ {{ recipient.name }},</p><p>{{ invoice.issue_date }} ದಿನಾಂಕದ ನಮ್ಮ ಇನ್‌ವಾಯ್ಸ್ {{ invoice.number }} ಅನ್ನು ಇದರೊಂದಿಗೆ ಲಗತ್ತಿಸಲಾಗಿದೆ. ಪಾವತಿಸಬೇಕಾದ ಮೊತ್ತ: {{ invoice.amount_due }}; ಗಡುವು ದಿನಾಂಕ: {{ invoice.due_date }}.</p><p>ವಂದನೆಗಳೊಂದಿಗೆ,<br>{{ firm.name }}</p>"),
                ["gu"] = new(
                    "{{ firm.name }} તરફથી ઇન્વૉઇસ {{ invoice.number }}",
                    "<p>પ્રિય {{ recipient.name }},</p><p>{{ invoice.issue_date }} તારીખનું અમારું ઇન્વૉઇસ {{ invoice.number }} આ સાથે જોડેલ છે. ચૂકવવાપાત્ર રકમ: {{ invoice.amount_due }}; ચુકવણીની નિયત તારીખ: {{ invoice.due_date }}.</p><p>શુભેચ્છાઓ સાથે,<br>{{ firm.name }}</p>"),
                ["ur"] = new(
                    "{{ firm.name }} کی جانب سے انوائس {{ invoice.number }}",
                    "<p>محترم {{ recipient.name }}،</p><p>{{ invoice.issue_date }} کی ہماری انوائس {{ invoice.number }} منسلک ہے۔ واجب الادا رقم: {{ invoice.amount_due }}؛ ادائیگی کی آخری تاریخ: {{ invoice.due_date }}۔</p><p>نیک تمناؤں کے ساتھ،<br>{{ firm.name }}</p>"),
                ["ka"] = new(
                    "ინვოისი {{ invoice.number }} — {{ firm.name }}",
                    "<p>პატივცემულო {{ recipient.name }},</p><p>გიგზავნით ჩვენს ინვოისს {{ invoice.number }}, გამოწერის თარიღი {{ invoice.issue_date }}. გადასახდელი თანხა: {{ invoice.amount_due }}; გადახდის ვადა: {{ invoice.due_date }}.</p><p>პატივისცემით,<br>{{ firm.name }}</p>"),
            },
        },
        new()
        {
            Key = CreditNoteKey,
            Title = "Credit note",
            Fields =
            [
                new("credit_note.number", "Credit note number", "CN-2026-00007"),
                new("credit_note.issue_date", "Issue date", "12/6/2026"),
                new("credit_note.total", "Total", "590.00 INR"),
                new("credit_note.invoice_number", "Number of the credited invoice", "INV-2026-00042"),
            ],
            Defaults = new Dictionary<string, MessageTemplateText>
            {
                ["en"] = new(
                    "Credit note {{ credit_note.number }} from {{ firm.name }}",
                    "<p>Dear {{ recipient.name }},</p><p>please find attached our credit note {{ credit_note.number }} of {{ credit_note.issue_date }} for {{ credit_note.total }}, which corrects invoice {{ credit_note.invoice_number }}.</p><p>Kind regards,<br>{{ firm.name }}</p>"),
                ["ta"] = new(
                    "{{ firm.name }} அனுப்பும் வரவுக் குறிப்பு {{ credit_note.number }}",
                    "<p>அன்புள்ள {{ recipient.name }},</p><p>விலைப்பட்டியல் {{ credit_note.invoice_number }}-ஐத் திருத்தும், {{ credit_note.issue_date }} தேதியிட்ட எங்கள் வரவுக் குறிப்பு {{ credit_note.number }} ({{ credit_note.total }}) இத்துடன் இணைக்கப்பட்டுள்ளது.</p><p>அன்புடன்,<br>{{ firm.name }}</p>"),
                ["kn"] = new(
                    "{{ firm.name }} ಅವರಿಂದ ಕ್ರೆಡಿಟ್ ನೋಟ್ {{ credit_note.number }}",
                    "<p>ಆತ್ಮೀಯ {{ recipient.name }},</p><p>ಇನ್‌ವಾಯ್ಸ್ {{ credit_note.invoice_number }} ಅನ್ನು ಸರಿಪಡಿಸುವ, {{ credit_note.issue_date }} ದಿನಾಂಕದ ನಮ್ಮ ಕ್ರೆಡಿಟ್ ನೋಟ್ {{ credit_note.number }} ({{ credit_note.total }}) ಅನ್ನು ಇದರೊಂದಿಗೆ ಲಗತ್ತಿಸಲಾಗಿದೆ.</p><p>ವಂದನೆಗಳೊಂದಿಗೆ,<br>{{ firm.name }}</p>"),
                ["gu"] = new(
                    "{{ firm.name }} તરફથી ક્રેડિટ નોટ {{ credit_note.number }}",
                    "<p>પ્રિય {{ recipient.name }},</p><p>ઇન્વૉઇસ {{ credit_note.invoice_number }} સુધારતી, {{ credit_note.issue_date }} તારીખની અમારી ક્રેડિટ નોટ {{ credit_note.number }} ({{ credit_note.total }}) આ સાથે જોડેલ છે.</p><p>શુભેચ્છાઓ સાથે,<br>{{ firm.name }}</p>"),
                ["ur"] = new(
                    "{{ firm.name }} کی جانب سے کریڈٹ نوٹ {{ credit_note.number }}",
                    "<p>محترم {{ recipient.name }}،</p><p>انوائس {{ credit_note.invoice_number }} کی درستی کے لیے {{ credit_note.issue_date }} کا ہمارا کریڈٹ نوٹ {{ credit_note.number }} ({{ credit_note.total }}) منسلک ہے۔</p><p>نیک تمناؤں کے ساتھ،<br>{{ firm.name }}</p>"),
                ["ka"] = new(
                    "კრედიტ-ნოტა {{ credit_note.number }} — {{ firm.name }}",
                    "<p>პატივცემულო {{ recipient.name }},</p><p>გიგზავნით ჩვენს კრედიტ-ნოტას {{ credit_note.number }} ({{ credit_note.total }}), გამოწერის თარიღი {{ credit_note.issue_date }}, რომელიც ასწორებს ინვოისს {{ credit_note.invoice_number }}.</p><p>პატივისცემით,<br>{{ firm.name }}</p>"),
            },
        },
        new()
        {
            Key = ReminderKey,
            Title = "Payment reminder",
            Fields =
            [
                new("invoice.number", "Invoice number", "INV-2026-00042"),
                new("invoice.issue_date", "Issue date", "12/1/2026"),
                new("invoice.due_date", "Due date", "12/31/2026"),
                new("invoice.amount_due", "Amount due", "1,180.00 INR"),
                new("reminder.level", "Reminder number (1 for the first)", "1"),
            ],
            Defaults = new Dictionary<string, MessageTemplateText>
            {
                ["en"] = new(
                    "Reminder: invoice {{ invoice.number }} is overdue",
                    "<p>Dear {{ recipient.name }},</p><p>our invoice {{ invoice.number }} of {{ invoice.issue_date }} was due on {{ invoice.due_date }}, and {{ invoice.amount_due }} is still owed. If you have paid it already, please disregard this message.</p><p>Kind regards,<br>{{ firm.name }}</p>"),
                ["ta"] = new(
                    "நினைவூட்டல்: விலைப்பட்டியல் {{ invoice.number }} கெடு தாண்டியது",
                    "<p>அன்புள்ள {{ recipient.name }},</p><p>{{ invoice.issue_date }} தேதியிட்ட எங்கள் விலைப்பட்டியல் {{ invoice.number }}-இன் கெடு தேதி {{ invoice.due_date }} கடந்துவிட்டது; {{ invoice.amount_due }} இன்னும் செலுத்த வேண்டியுள்ளது. நீங்கள் ஏற்கெனவே செலுத்தியிருந்தால், இந்தச் செய்தியைப் பொருட்படுத்த வேண்டாம்.</p><p>அன்புடன்,<br>{{ firm.name }}</p>"),
                ["kn"] = new(
                    "ಜ್ಞಾಪನೆ: ಇನ್‌ವಾಯ್ಸ್ {{ invoice.number }} ಗಡುವು ಮೀರಿದೆ",
                    "<p>ಆತ್ಮೀಯ {{ recipient.name }},</p><p>{{ invoice.issue_date }} ದಿನಾಂಕದ ನಮ್ಮ ಇನ್‌ವಾಯ್ಸ್ {{ invoice.number }} ರ ಗಡುವು ದಿನಾಂಕ {{ invoice.due_date }} ಕಳೆದಿದೆ; {{ invoice.amount_due }} ಇನ್ನೂ ಪಾವತಿಸಬೇಕಾಗಿದೆ. ನೀವು ಈಗಾಗಲೇ ಪಾವತಿಸಿದ್ದರೆ, ದಯವಿಟ್ಟು ಈ ಸಂದೇಶವನ್ನು ನಿರ್ಲಕ್ಷಿಸಿ.</p><p>ವಂದನೆಗಳೊಂದಿಗೆ,<br>{{ firm.name }}</p>"),
                ["gu"] = new(
                    "સ્મરણપત્ર: ઇન્વૉઇસ {{ invoice.number }}ની મુદત વીતી ગઈ છે",
                    "<p>પ્રિય {{ recipient.name }},</p><p>{{ invoice.issue_date }} તારીખના અમારા ઇન્વૉઇસ {{ invoice.number }}ની ચુકવણીની નિયત તારીખ {{ invoice.due_date }} વીતી ગઈ છે; {{ invoice.amount_due }} હજી ચૂકવવાનું બાકી છે. જો આપે ચુકવણી કરી દીધી હોય, તો કૃપા કરી આ સંદેશ અવગણશો.</p><p>શુભેચ્છાઓ સાથે,<br>{{ firm.name }}</p>"),
                ["ur"] = new(
                    "یاد دہانی: انوائس {{ invoice.number }} کی ادائیگی میں تاخیر",
                    "<p>محترم {{ recipient.name }}،</p><p>{{ invoice.issue_date }} کی ہماری انوائس {{ invoice.number }} کی ادائیگی کی آخری تاریخ {{ invoice.due_date }} گزر چکی ہے، اور {{ invoice.amount_due }} ابھی واجب الادا ہے۔ اگر آپ ادائیگی کر چکے ہیں تو براہِ کرم اس پیغام کو نظر انداز کریں۔</p><p>نیک تمناؤں کے ساتھ،<br>{{ firm.name }}</p>"),
                ["ka"] = new(
                    "შეხსენება: ინვოისი {{ invoice.number }} ვადაგადაცილებულია",
                    "<p>პატივცემულო {{ recipient.name }},</p><p>ჩვენი ინვოისის {{ invoice.number }} (გამოწერის თარიღი {{ invoice.issue_date }}) გადახდის ვადა, {{ invoice.due_date }}, გავიდა; დარჩენილი დავალიანება: {{ invoice.amount_due }}. თუ უკვე გადაიხადეთ, გთხოვთ, ყურადღება არ მიაქციოთ ამ შეტყობინებას.</p><p>პატივისცემით,<br>{{ firm.name }}</p>"),
            },
        },
    ];
}
