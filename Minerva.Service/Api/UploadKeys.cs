using System.Text;

namespace Minerva.Service.Api;

/// <summary>Turns a caller's file id ("/scans/a 1.ome.tif") into a safe key below the import's prefix.</summary>
internal static class UploadKeys
{
    private const string AllowedPunctuation = "._-+=,@() ";

    /// <summary>The relative key, or null when the id is empty or climbs out with "..".</summary>
    public static string? Relative(string id)
    {
        var segments = id.Split('/', '\\').Where(s => s is not ("" or ".")).ToArray();
        if (segments.Length == 0 || segments.Contains(".."))
        {
            return null;
        }

        var key = new StringBuilder(id.Length);
        foreach (var segment in segments)
        {
            if (key.Length > 0)
            {
                key.Append('/');
            }

            foreach (var ch in segment)
            {
                key.Append(char.IsLetterOrDigit(ch) || AllowedPunctuation.Contains(ch) ? ch : '_');
            }
        }

        return key.ToString();
    }
}
