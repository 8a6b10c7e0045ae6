using System.ComponentModel.DataAnnotations;

namespace CrmBlazor.Host.Features.Catalogue;

/// <summary>What an administrator enters for a service of the catalogue; validated on the server.</summary>
public sealed class ServiceInput
{
    /// <summary>The longest name stored.</summary>
    public const int NameLength = 200;

    /// <summary>The longest short code stored.</summary>
    public const int CodeLength = 20;

    /// <summary>India's services accounting code: chapter 99 of the GST tariff, six digits.</summary>
    public const string SacPattern = "^99[0-9]{4}$";

    /// <summary>The name.</summary>
    [Required(ErrorMessage = "Enter the service's name.")]
    [StringLength(NameLength, ErrorMessage = "The name can be at most 200 characters long.")]
    public string Name { get; set; } = string.Empty;

    /// <summary>The firm's short code, optional.</summary>
    [StringLength(CodeLength, ErrorMessage = "The code can be at most 20 characters long.")]
    [RegularExpression("^[A-Za-z0-9][A-Za-z0-9._-]*$", ErrorMessage = "The code may hold letters, digits, dots, dashes and underscores only.")]
    public string? Code { get; set; }

    /// <summary>India's services accounting code (SAC), optional.</summary>
    [StringLength(6, ErrorMessage = "A SAC code has six digits and starts with 99, e.g. 998314.")]
    [RegularExpression(SacPattern, ErrorMessage = "A SAC code has six digits and starts with 99, e.g. 998314.")]
    public string? SacCode { get; set; }

    /// <summary>The usual tax rate in percent, optional.</summary>
    [Range(0d, 100d, ErrorMessage = "The tax rate must be between 0 and 100 %.")]
    public decimal? DefaultTaxRate { get; set; }

    /// <summary>The version the administrator loaded, for edits.</summary>
    public Guid RowVersion { get; set; }

    /// <summary>The form's values for a stored service.</summary>
    /// <param name="service">The service.</param>
    public static ServiceInput From(FirmService service)
    {
        ArgumentNullException.ThrowIfNull(service);
        return new()
        {
            Name = service.Name,
            Code = service.Code,
            SacCode = service.SacCode,
            DefaultTaxRate = service.DefaultTaxRate,
            RowVersion = service.RowVersion,
        };
    }
}
