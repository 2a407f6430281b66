# Defaults may be declared once per function: a second clause that declares
# them again is a compile error, met when that clause is defined.
defmodule Greeting do
  def hello(:formal, name \\ "you"), do: "Good day, #{name}"
  def hello(:casual, name \\ "pal"), do: "Hi, #{name}"
end

IO.puts(Greeting.hello(:formal))
