# Strings are counted, indexed, sliced and reversed in graphemes: a letter with
# combining marks, a flag, a family emoji, "\r\n" and a Devanagari conjunct
# (split as Unicode 14 does) each count once; codepoints stay codepoints.
for text <- ["e\u0301te\u0301", "👨‍👩‍👧 family", "🇫🇷🇩🇪", "ab\r\ncd", "नमस्ते", "한국어", "z̤̈", "a\u200db", "🏳️‍🌈!"] do
  IO.inspect({String.length(text), String.graphemes(text), String.reverse(text), String.at(text, 1), String.slice(text, 1, 2), String.first(text), String.last(text)})
end
IO.inspect(String.codepoints("e\u0301"))
IO.inspect(String.split("e\u0301a", ""))
IO.inspect(String.next_grapheme("e\u0301a"))
IO.inspect(String.next_codepoint("e\u0301a"))
IO.inspect({String.pad_leading("e\u0301", 3, "*"), String.split_at("🇫🇷🇩🇪x", 1), String.myers_difference("e\u0301a", "e\u0301b")})
