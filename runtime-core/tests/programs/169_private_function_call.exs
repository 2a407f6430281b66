# A private function is called from inside its module only: a remote call
# (even written as Mod.fun inside the module) fails as for an undefined
# function, and its name is not suggested.
defmodule Vault do
  def open, do: secret()
  def open_remotely, do: Vault.secret()
  defp secret, do: :gold
end

IO.inspect(Vault.open())

try do
  Vault.open_remotely()
rescue
  e -> IO.puts(Exception.message(e))
end

String.upcas("abc")
