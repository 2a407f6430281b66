# An uncaught call of an undefined function: Elixir's CLI suggests the
# module's functions whose names are close (Jaro distance 0.77 or more), or
# the other arities of the same name. Rescued, the message has no hint.
defmodule Greeter do
  def hello(name), do: "hello #{name}"
  def hello(greeting, name), do: "#{greeting} #{name}"
  def help, do: "say hello"
end

try do
  Greeter.hello()
rescue
  e -> IO.puts(Exception.message(e))
end

Greeter.hel("you")
