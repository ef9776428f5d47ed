/// The Python program the `piper` voice runs (`python3 -c SOURCE`): it loads the model once, reads
/// `{"model", "speed", "sentences"}` as JSON on stdin and writes each sentence as `sentence-NNNN.wav` (16-bit mono
/// PCM) in its working folder, printing `spoke N/M` on stderr after each. Piper's length scale is the model's own
/// divided by `speed`. Exit status 3: piper-tts is not installed for that Python; 4: the model does not load.
enum PiperDriver {
    static let missingPiper: Int32 = 3
    static let badModel: Int32 = 4

    static let source = """
        import json, sys, wave
        request = json.load(sys.stdin)
        try:
            from piper import PiperVoice, SynthesisConfig
        except ImportError as error:
            sys.stderr.write(f"piper-tts is not installed for {sys.executable}: {error}\\n")
            sys.exit(3)
        try:
            voice = PiperVoice.load(request["model"])
        except Exception as error:
            sys.stderr.write(f"cannot load the Piper model {request['model']}: {error}\\n")
            sys.exit(4)
        config = SynthesisConfig(length_scale=voice.config.length_scale / float(request["speed"]))
        sentences = request["sentences"]
        for index, text in enumerate(sentences):
            with wave.open(f"sentence-{index + 1:04d}.wav", "wb") as out:
                out.setnchannels(1)
                out.setsampwidth(2)
                out.setframerate(voice.config.sample_rate)
                for chunk in voice.synthesize(text, config):
                    out.writeframes(chunk.audio_int16_bytes)
            sys.stderr.write(f"spoke {index + 1}/{len(sentences)}\\n")
            sys.stderr.flush()
        """

    /// The file the driver writes for sentence `index` (0-based).
    static func fileName(_ index: Int) -> String {
        let number = String(index + 1)
        return "sentence-" + String(repeating: "0", count: max(0, 4 - number.count)) + number + ".wav"
    }
}
