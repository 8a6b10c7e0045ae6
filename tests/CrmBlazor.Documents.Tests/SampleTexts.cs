namespace CrmBlazor.Documents.Tests;

/// <summary>Short phrases in the scripts the CRM supports (Tamil, Kannada and Georgian from shared/samples/text).</summary>
internal static class SampleTexts
{
    public const string Tamil = "இ-காமர்ஸ் மற்றும் வணிக சேவைகள்";

    public const string TamilCustomer = "வாடிக்கையாளர் உறவு மேலாண்மை";

    public const string Kannada = "ಗ್ರಾಹಕ ಸಂಬಂಧ ನಿರ್ವಹಣೆ";

    public const string KannadaConjuncts = "ಚಿಲ್ಲರೆ ವ್ಯಾಪಾರ ಪ್ರಸ್ತುತ";

    public const string Georgian = "მომხმარებელთან ურთიერთობის მენეჯმენტი";

    public const string Gujarati = "ગ્રાહક સંબંધ સંચાલન";

    /// <summary>"Customer relationship management" in Urdu.</summary>
    public const string Urdu = "گاہک تعلقات کا انتظام";

    /// <summary>"Customer relationship management" in Arabic.</summary>
    public const string Arabic = "إدارة علاقات العملاء";

    /// <summary>English with an Urdu phrase and numbers inside.</summary>
    public const string Mixed = "Invoice for گاہک تعلقات کا انتظام, 12 hours";

    public const string Ligatures = "office affine flow";
}
