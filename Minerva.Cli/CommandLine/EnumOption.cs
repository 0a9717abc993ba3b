namespace Minerva.Cli.CommandLine;

/// <summary>
/// Enum options are taken as text and read here, case-insensitively and by name only (no numbers), so a wrong
/// value gets a message listing the accepted ones (Spectre's own converter names the type, e.g. "Nullable`1").
/// </summary>
internal static class EnumOption
{
    public static bool TryParse<TEnum>(string text, out TEnum value)
        where TEnum : struct, Enum
    {
        var name = Enum.GetNames<TEnum>().FirstOrDefault(n => string.Equals(n, text, StringComparison.OrdinalIgnoreCase));
        value = name is null ? default : Enum.Parse<TEnum>(name);
        return name is not null;
    }

    public static string Problem<TEnum>(string option, string text)
        where TEnum : struct, Enum =>
        $"{option} '{text}' is not one of {string.Join(", ", Enum.GetNames<TEnum>())}";
}
