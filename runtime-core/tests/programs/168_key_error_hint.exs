# A missing atom key in a map of atom keys (or a keyword list) gets the
# keys whose names are close, when the error is not rescued.
config = %{name: "counter", interval: 100, nam: :x}
IO.puts(config.name)
config.nmae
