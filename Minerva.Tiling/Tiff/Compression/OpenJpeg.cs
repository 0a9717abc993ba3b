using System.Runtime.InteropServices;
using Minerva.Tiling.Compression;

namespace Minerva.Tiling.Tiff.Compression;

/// <summary>
/// OpenJPEG 2.x (Debian package libopenjp2-7), loaded when present: decodes a JPEG 2000 codestream from memory
/// through stream callbacks, one codec per tile (a codec decodes one image), errors reported through a callback.
/// </summary>
internal static unsafe class OpenJpeg
{
    private const int CodecJ2k = 0;

    /// <summary>opj_dparameters_t is 8252 bytes in OpenJPEG 2.5 (two 4096-byte paths); room to spare.</summary>
    private const int DecoderParametersSize = 16 * 1024;

    private static readonly delegate* unmanaged<int, nint> s_createDecompress;
    private static readonly delegate* unmanaged<void*, void> s_setDefaultParameters;
    private static readonly delegate* unmanaged<nint, void*, int> s_setupDecoder;
    private static readonly delegate* unmanaged<nint, delegate* unmanaged<byte*, void*, void>, void*, int> s_setErrorHandler;
    private static readonly delegate* unmanaged<nuint, int, nint> s_streamCreate;
    private static readonly delegate* unmanaged<nint, delegate* unmanaged<byte*, nuint, void*, nuint>, void> s_setRead;
    private static readonly delegate* unmanaged<nint, delegate* unmanaged<long, void*, long>, void> s_setSkip;
    private static readonly delegate* unmanaged<nint, delegate* unmanaged<long, void*, int>, void> s_setSeek;
    private static readonly delegate* unmanaged<nint, void*, nint, void> s_setUserData;
    private static readonly delegate* unmanaged<nint, ulong, void> s_setUserDataLength;
    private static readonly delegate* unmanaged<nint, nint, Image**, int> s_readHeader;
    private static readonly delegate* unmanaged<nint, nint, Image*, int> s_decode;
    private static readonly delegate* unmanaged<nint, nint, int> s_endDecompress;
    private static readonly delegate* unmanaged<nint, void> s_destroyCodec;
    private static readonly delegate* unmanaged<nint, void> s_streamDestroy;
    private static readonly delegate* unmanaged<Image*, void> s_imageDestroy;

    static OpenJpeg()
    {
        var exports = NativeCodecs.Load(
            "libopenjp2.so.7",
            "opj_create_decompress", "opj_set_default_decoder_parameters", "opj_setup_decoder", "opj_set_error_handler",
            "opj_stream_create", "opj_stream_set_read_function", "opj_stream_set_skip_function", "opj_stream_set_seek_function",
            "opj_stream_set_user_data", "opj_stream_set_user_data_length", "opj_read_header", "opj_decode", "opj_end_decompress",
            "opj_destroy_codec", "opj_stream_destroy", "opj_image_destroy");
        if (exports is null)
        {
            return;
        }

        s_createDecompress = (delegate* unmanaged<int, nint>)exports[0];
        s_setDefaultParameters = (delegate* unmanaged<void*, void>)exports[1];
        s_setupDecoder = (delegate* unmanaged<nint, void*, int>)exports[2];
        s_setErrorHandler = (delegate* unmanaged<nint, delegate* unmanaged<byte*, void*, void>, void*, int>)exports[3];
        s_streamCreate = (delegate* unmanaged<nuint, int, nint>)exports[4];
        s_setRead = (delegate* unmanaged<nint, delegate* unmanaged<byte*, nuint, void*, nuint>, void>)exports[5];
        s_setSkip = (delegate* unmanaged<nint, delegate* unmanaged<long, void*, long>, void>)exports[6];
        s_setSeek = (delegate* unmanaged<nint, delegate* unmanaged<long, void*, int>, void>)exports[7];
        s_setUserData = (delegate* unmanaged<nint, void*, nint, void>)exports[8];
        s_setUserDataLength = (delegate* unmanaged<nint, ulong, void>)exports[9];
        s_readHeader = (delegate* unmanaged<nint, nint, Image**, int>)exports[10];
        s_decode = (delegate* unmanaged<nint, nint, Image*, int>)exports[11];
        s_endDecompress = (delegate* unmanaged<nint, nint, int>)exports[12];
        s_destroyCodec = (delegate* unmanaged<nint, void>)exports[13];
        s_streamDestroy = (delegate* unmanaged<nint, void>)exports[14];
        s_imageDestroy = (delegate* unmanaged<Image*, void>)exports[15];
    }

    public static bool IsAvailable => s_decode != null;

    /// <summary>
    /// Decodes <paramref name="codestream"/> into interleaved samples at full resolution (subsampled components
    /// repeated), rows <paramref name="pitch"/> bytes apart, each component's values as stored (no colour conversion).
    /// </summary>
    /// <exception cref="InvalidDataException">The codestream is damaged or its image differs from <paramref name="header"/>.</exception>
    public static void Decode(ReadOnlySpan<byte> codestream, Jpeg2000Codestream header, Span<byte> destination, int pitch, int bytesPerSample)
    {
        var parameters = NativeMemory.AllocZeroed(DecoderParametersSize);
        var codec = s_createDecompress(CodecJ2k);
        var stream = s_streamCreate((nuint)Math.Min(codestream.Length, 1 << 20), 1);
        Image* image = null;
        var state = default(ReadState);
        try
        {
            fixed (byte* data = codestream)
            {
                state.Data = data;
                state.Length = codestream.Length;
                s_setDefaultParameters(parameters);
                s_setErrorHandler(codec, &OnError, &state);
                s_setRead(stream, &Read);
                s_setSkip(stream, &Skip);
                s_setSeek(stream, &Seek);
                s_setUserData(stream, &state, 0);
                s_setUserDataLength(stream, (ulong)codestream.Length);
                if (s_setupDecoder(codec, parameters) == 0 || s_readHeader(stream, codec, &image) == 0
                    || s_decode(codec, stream, image) == 0 || s_endDecompress(codec, stream) == 0)
                {
                    throw new InvalidDataException(state.ErrorText());
                }
            }

            CopySamples(image, header, destination, pitch, bytesPerSample);
        }
        finally
        {
            if (image != null)
            {
                s_imageDestroy(image);
            }

            s_streamDestroy(stream);
            s_destroyCodec(codec);
            NativeMemory.Free(parameters);
        }
    }

    private static void CopySamples(Image* image, Jpeg2000Codestream header, Span<byte> destination, int pitch, int bytesPerSample)
    {
        var count = header.Components.Count;
        if (image->NumComps != count || image->X1 - image->X0 != header.Width || image->Y1 - image->Y0 != header.Height)
        {
            throw new InvalidDataException("OpenJPEG decoded an image other than the codestream's header declares");
        }

        for (var c = 0; c < count; c++)
        {
            var component = image->Comps[c];
            if (component.Data == null || (long)component.W * component.Dx < header.Width || (long)component.H * component.Dy < header.Height)
            {
                throw new InvalidDataException($"OpenJPEG decoded no data for component {c}");
            }

            var max = (1 << (int)component.Prec) - 1;
            var offset = component.Sgnd != 0 ? 1 << ((int)component.Prec - 1) : 0;
            for (var y = 0; y < header.Height; y++)
            {
                var source = new ReadOnlySpan<int>(component.Data + ((long)(y / (int)component.Dy) * component.W), (int)component.W);
                var row = destination.Slice(y * pitch, header.Width * count * bytesPerSample);
                Jpeg2000Samples.StoreComponentRow(source, (int)component.Dx, offset, max, row, c, count, bytesPerSample);
            }
        }
    }

    [UnmanagedCallersOnly]
    private static nuint Read(byte* buffer, nuint count, void* user)
    {
        var state = (ReadState*)user;
        var left = state->Length - state->Position;
        if (left <= 0)
        {
            return unchecked((nuint)(-1));
        }

        var n = (int)Math.Min((long)count, left);
        new ReadOnlySpan<byte>(state->Data + state->Position, n).CopyTo(new Span<byte>(buffer, n));
        state->Position += n;
        return (nuint)n;
    }

    [UnmanagedCallersOnly]
    private static long Skip(long count, void* user)
    {
        var state = (ReadState*)user;
        var target = Math.Clamp(state->Position + count, 0, state->Length);
        var skipped = target - state->Position;
        state->Position = target;
        return skipped == 0 && count != 0 ? -1 : skipped;
    }

    [UnmanagedCallersOnly]
    private static int Seek(long offset, void* user)
    {
        var state = (ReadState*)user;
        if (offset < 0 || offset > state->Length)
        {
            return 0;
        }

        state->Position = offset;
        return 1;
    }

    [UnmanagedCallersOnly]
    private static void OnError(byte* message, void* user)
    {
        var state = (ReadState*)user;
        if (state->ErrorLength == 0)
        {
            var text = MemoryMarshal.CreateReadOnlySpanFromNullTerminated(message).TrimEnd("\n"u8);
            var length = Math.Min(text.Length, ReadState.ErrorCapacity);
            text[..length].CopyTo(new Span<byte>(state->Error, ReadState.ErrorCapacity));
            state->ErrorLength = length;
        }
    }

    /// <summary>The codestream being read and the first error OpenJPEG reported; lives on the decoding thread's stack.</summary>
    private struct ReadState
    {
        public const int ErrorCapacity = 200;

        public byte* Data;
        public long Length;
        public long Position;
        public int ErrorLength;
        public fixed byte Error[ErrorCapacity];

        public readonly string ErrorText()
        {
            fixed (byte* error = Error)
            {
                return ErrorLength == 0 ? "OpenJPEG could not decode the codestream" : System.Text.Encoding.UTF8.GetString(error, ErrorLength);
            }
        }
    }

    /// <summary>opj_image_comp_t of OpenJPEG 2.x (64 bytes on 64-bit).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct ImageComponent
    {
        public uint Dx, Dy, W, H, X0, Y0, Prec, Bpp, Sgnd, ResNoDecoded, Factor;
        public int* Data;
        public ushort Alpha;
    }

    /// <summary>opj_image_t of OpenJPEG 2.x.</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Image
    {
        public uint X0, Y0, X1, Y1, NumComps;
        public int ColorSpace;
        public ImageComponent* Comps;
        public byte* IccProfileBuf;
        public uint IccProfileLen;
    }
}
