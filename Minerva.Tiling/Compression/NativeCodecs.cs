using System.Runtime.InteropServices;

namespace Minerva.Tiling.Compression;

/// <summary>
/// Loads the optional native codec libraries of Debian (libdeflate, libjpeg-turbo's TurboJPEG, OpenJPEG). Each is
/// used when it loads and replaced by a portable decoder when it does not (Azure Functions workers have no Debian
/// packages). Setting the environment variable <c>MINERVA_NATIVE_CODECS=0</c> skips them all, to run and measure
/// the portable path on a machine that has them.
/// </summary>
internal static class NativeCodecs
{
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("MINERVA_NATIVE_CODECS") != "0";

    /// <summary>The library's exports by name, or null when native codecs are off or the library or an export is absent.</summary>
    public static nint[]? Load(string library, params string[] exports)
    {
        if (!Enabled || !NativeLibrary.TryLoad(library, typeof(NativeCodecs).Assembly, null, out var handle))
        {
            return null;
        }

        var addresses = new nint[exports.Length];
        for (var i = 0; i < exports.Length; i++)
        {
            if (!NativeLibrary.TryGetExport(handle, exports[i], out addresses[i]))
            {
                return null;
            }
        }

        return addresses;
    }
}
