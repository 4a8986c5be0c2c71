/**
 * A coarse outline of New South Wales, drawn by us so the map needs no tile server offline: the Queensland
 * border, the 141°E meridian, the Murray River, the straight line to Cape Howe, and the coast. [lat, lng].
 */
export const NSW_OUTLINE: ReadonlyArray<[number, number]> = [
  [-28.16, 153.55], // Point Danger
  [-28.25, 153.0],
  [-28.36, 152.5],
  [-28.92, 151.93], // Wallangarra
  [-28.85, 151.2],
  [-28.6, 150.35], // Boggabilla
  [-28.98, 148.98], // Mungindi
  [-29.0, 141.0], // Cameron Corner
  [-34.02, 141.0], // the Murray at the South Australian border
  [-34.2, 142.15], // Mildura
  [-34.58, 142.75], // Euston
  [-35.34, 143.56], // Swan Hill
  [-36.13, 144.75], // Echuca
  [-35.81, 145.57], // Tocumwal
  [-36.0, 146.39], // Corowa
  [-36.08, 146.92], // Albury
  [-35.93, 147.69], // Jingellic
  [-36.55, 148.13], // the Murray's source
  [-37.5, 149.97], // Cape Howe
  [-37.07, 149.9], // Eden
  [-36.42, 150.07], // Bermagui
  [-35.7, 150.2], // Batemans Bay
  [-35.1, 150.75], // Jervis Bay
  [-34.42, 150.9], // Wollongong
  [-33.86, 151.29], // Sydney
  [-32.93, 151.78], // Newcastle
  [-31.43, 152.92], // Port Macquarie
  [-30.3, 153.14], // Coffs Harbour
  [-29.43, 153.36], // Yamba
  [-28.64, 153.64], // Byron Bay
];
