/*
 * ProcessPrng for Wine 8.0, which lacks it. Go's Windows runtime (Go >= 1.24) loads
 * bcryptprimitives.dll from system32 at start and draws its random bytes from ProcessPrng;
 * without it every Go program dies with "bcryptprimitives.dll not found". This stands in for
 * the real DLL in the throwaway Wine prefixes of the Windows test lane only: it is never
 * shipped. RtlGenRandom (advapi32's SystemFunction036) is Wine's own cryptographic source.
 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
	while (size > 0) {
		ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
		if (!SystemFunction036(data, chunk))
			return FALSE;
		data += chunk;
		size -= chunk;
	}
	return TRUE;
}
