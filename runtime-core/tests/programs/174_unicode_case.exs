# Case mapping beyond ASCII: Unicode's full mappings (one character can become
# two), the Greek final sigma, and characters with no case left alone.
for text <- ["straße", "ǆemal", "ﬁne", "ΣΟΦΟΣ ΣΑΣ", "Ärger über Öl", "İstanbul", "ꭰꮳꮃ", "日本語 ok", "ŉ"] do
  IO.puts("#{text} -> #{String.upcase(text)} / #{String.downcase(text)} / #{String.capitalize(text)}")
end

IO.inspect(String.downcase("ẞ"))
IO.inspect(Enum.map(~w(élan ÉLAN Élan), &String.capitalize/1))
