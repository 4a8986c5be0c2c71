/**
 * Public NSW geography and the category values of the NSW public schools master dataset, for the sample
 * generator. Town names, postcodes, coordinates (approximate centres, two decimals), LGAs, SA4s, ASGS
 * remoteness and electorates are public geography; the office addresses are made up.
 */

/** ASGS remoteness areas, from most to least accessible, as the master dataset spells them. */
export const REMOTENESS_AREAS = [
  'Major Cities of Australia',
  'Inner Regional Australia',
  'Outer Regional Australia',
  'Remote Australia',
  'Very Remote Australia',
] as const;

/** One ASGS remoteness area. */
export type RemotenessArea = (typeof REMOTENESS_AREAS)[number];

/** The eight operational directorates of NSW public schools (2025). */
export const OPERATIONAL_DIRECTORATES = [
  'Metropolitan North',
  'Metropolitan South',
  'Metropolitan South and West',
  'Regional North',
  'Regional North and West',
  'Regional South and Connected Communities',
  'Rural North',
  'Rural South and West',
] as const;

/** One operational directorate. */
export type OperationalDirectorate = (typeof OPERATIONAL_DIRECTORATES)[number];

/** A NSW town or suburb that sample schools are placed in. */
export interface NswPlace {
  /** Town or suburb name, in mixed case. */
  name: string;
  /** Four-digit postcode, as text. */
  postcode: string;
  /** Approximate centre, decimal degrees (negative: south). */
  latitude: number;
  /** Approximate centre, decimal degrees east. */
  longitude: number;
  /** Relative number of schools placed here: the real count, scaled so SA4s and remoteness areas keep their shares. */
  weight: number;
  /** ASGS remoteness area. */
  remoteness: RemotenessArea;
  /** Operational directorate serving the town: the coarse region. */
  region: OperationalDirectorate;
  /** Principal network serving the town; blank where only Connected Communities schools operate. */
  principalNetwork: string;
  /** Local government area, as the dataset spells it (e.g. `Bayside (NSW)`). */
  lga: string;
  /** NSW electoral district from 2023. */
  electorate: string;
  /** Federal electoral division. */
  fedElectorate: string;
  /** ABS Statistical Area Level 4 name. */
  sa4: string;
}

/** Services (and phone number prefixes) that follow SA4 boundaries closely enough for sample data. */
export interface Sa4Services {
  /** NSW Health local health district. */
  localHealthDistrict: string;
  /** Communities and Justice (formerly FACS) district. */
  facsDistrict: string;
  /** Aboriginal Education Consultative Group region. */
  aecgRegion: string;
  /** School Infrastructure assets unit. */
  assetsUnit: string;
  /** Leading digits of local (02 area) phone numbers in the area, e.g. `9` in Sydney, `49` around Newcastle. */
  phonePrefix: string;
}

/** Services by SA4 name (every SA4 used by `NSW_PLACES` is a key). */
export const SA4_SERVICES: Readonly<Record<string, Sa4Services>> = Object.fromEntries(
  splitTable(`
SA4 | local health district | FACS district | AECG region | assets unit | phone prefix
Capital Region|Southern NSW|Illawarra Shoalhaven & Southern NSW|Upper South Coast|Southern NSW|64
Central Coast|Central Coast|Hunter New England & Central Coast|Central Coast|Hunter/Central Coast|43
Central West|Western NSW|Murrumbidgee, Far West & Western NSW|Western 1|North Western NSW|63
Coffs Harbour - Grafton|Mid North Coast|Mid North Coast & Northern NSW|Lower North Coast|North Coast|66
Far West and Orana|Western NSW|Murrumbidgee, Far West & Western NSW|Western 1|North Western NSW|68
Hunter Valley exc Newcastle|Hunter New England|Hunter New England & Central Coast|Hunter|Hunter/Central Coast|49
Illawarra|Illawarra Shoalhaven|Illawarra Shoalhaven & Southern NSW|Upper South Coast|Southern NSW|42
Mid North Coast|Mid North Coast|Mid North Coast & Northern NSW|Manning|North Coast|65
Murray|Murrumbidgee|Murrumbidgee, Far West & Western NSW|Riverina 1|Southern NSW|60
New England and North West|Hunter New England|Hunter New England & Central Coast|North Western 2|North Western NSW|67
Newcastle and Lake Macquarie|Hunter New England|Hunter New England & Central Coast|Hunter|Hunter/Central Coast|49
Richmond - Tweed|Northern NSW|Mid North Coast & Northern NSW|Upper North Coast|North Coast|66
Riverina|Murrumbidgee|Murrumbidgee, Far West & Western NSW|Riverina 1|Southern NSW|69
Southern Highlands and Shoalhaven|Illawarra Shoalhaven|Illawarra Shoalhaven & Southern NSW|Upper South Coast|Southern NSW|44
Sydney - Baulkham Hills and Hawkesbury|Western Sydney|Western Sydney & Nepean Blue Mountains|Metropolitan West|Western Sydney|9
Sydney - Blacktown|Western Sydney|Western Sydney & Nepean Blue Mountains|Metropolitan West|Western Sydney|9
Sydney - City and Inner South|Sydney|South Eastern Sydney, Northern Sydney & Sydney|Metropolitan East|Sydney|9
Sydney - Eastern Suburbs|South Eastern Sydney|South Eastern Sydney, Northern Sydney & Sydney|Metropolitan East|Sydney|9
Sydney - Inner South West|South Eastern Sydney|South Eastern Sydney, Northern Sydney & Sydney|Metropolitan South West|South Western Sydney|9
Sydney - Inner West|Sydney|South Eastern Sydney, Northern Sydney & Sydney|Metropolitan East|Sydney|9
Sydney - North Sydney and Hornsby|Northern Sydney|South Eastern Sydney, Northern Sydney & Sydney|Metropolitan North|Northern Sydney|9
Sydney - Northern Beaches|Northern Sydney|South Eastern Sydney, Northern Sydney & Sydney|Metropolitan North|Northern Sydney|9
Sydney - Outer South West|South Western Sydney|South Western Sydney|Dharawal|South Western Sydney|9
Sydney - Outer West and Blue Mountains|Nepean Blue Mountains|Western Sydney & Nepean Blue Mountains|Metropolitan West|Western Sydney|9
Sydney - Parramatta|Western Sydney|Western Sydney & Nepean Blue Mountains|Metropolitan West|Western Sydney|9
Sydney - Ryde|Northern Sydney|South Eastern Sydney, Northern Sydney & Sydney|Metropolitan North|Northern Sydney|9
Sydney - South West|South Western Sydney|South Western Sydney|Metropolitan South West|South Western Sydney|9
Sydney - Sutherland|South Eastern Sydney|South Eastern Sydney, Northern Sydney & Sydney|Metropolitan East|Sydney|9
`).map(
    ([sa4 = '', localHealthDistrict = '', facsDistrict = '', aecgRegion = '', assetsUnit = '', phonePrefix = '']) => [
      sa4,
      { localHealthDistrict, facsDistrict, aecgRegion, assetsUnit, phonePrefix },
    ],
  ),
);

/** An operational directorate office and the principal networks it serves. */
export interface DirectorateOffice {
  /** Office name as the dataset spells it (one real value has a trailing space, kept on purpose). */
  office: string;
  /** A made-up street address. */
  address: string;
  /** Principal networks served from this office. */
  networks: readonly string[];
}

/** Directorate offices; every principal network in `NSW_PLACES` is served by exactly one. */
export const DIRECTORATE_OFFICES: readonly DirectorateOffice[] = splitTable(`
office | address | networks (the trailing space in 'Dee Why ' is as on the portal)
Albury|Albury Education Office, 40 Acacia Road|Albury, Hume
Armidale|Level 1, 14 Banksia Way|Armidale, Northern Tablelands
Arncliffe|Level 2, 151 Boronia Road|Canterbury, Kogarah, Marrickville
Batemans Bay|Batemans Bay Education Office, 24 Cedar Street|Batemans Bay
Bathurst|Suite 2, 19 Ironbark Parade|Bathurst, Lithgow
Broken Hill|Level 1, 110 Jacaranda Place|Far West
Campbelltown|Level 4, 163 Kurrajong Avenue|Camden, Campbelltown, Goulburn, Macarthur
Coffs Harbour|Level 2, 58 Lilly Pilly Street|Coffs Harbour, Mid Coast Valleys
Dee Why |Suite 9, 109 Myrtle Road|Pittwater, The Beaches, The Forest
Deniliquin|148 Paperbark Street|Deniliquin
Dubbo|Suite 2, 176 Quandong Place|Mitchell, Mudgee, Wambuul-Macquarie
Forster|Suite 6, 148 Sassafras Place|Great Lakes, Taree
Gateshead West|Level 1, 142 Tallowwood Street|Glenrock, Lake Macquarie East, Lake Macquarie North, Lake Macquarie West
Glenfield|Glenfield Education Office, 54 Waratah Place|Cowpasture, Fairfield, Glenfield, Liverpool, St Andrews
Goonellabah|Goonellabah Education Office, 138 Wattle Way|Lennox Coast, Lismore, Richmond
Grafton|Grafton Education Office, 121 Bottlebrush Road|Clarence Valley, Grafton
Griffith|Suite 3, 78 Grevillea Road|Griffith, West Wyalong
Macquarie Park|Level 3, 64 Melaleuca Way|Carlingford, Gordon, Hornsby, North Sydney, Ryde
Maitland|128 Casuarina Place|Cessnock, Hunter, Maitland, Upper Hunter
Miranda|116 Blackbutt Way|Port Hacking, Sutherland, Woronora River
Moree|Level 4, 20 Bluegum Place|Barwon, Namoi
Murwillumbah|Suite 8, 89 Coachwood Avenue|Tweed Coast, Wollumbin
Newcastle|Level 3, 12 Flame Tree Parade|Callaghan, Newcastle, Port Stephens
Orange|179 Red Cedar Road|Cowra, Orange
Parramatta|Parramatta Education Office, 129 Stringybark Place|Parramatta
Port Macquarie|25 Turpentine Street|Hastings, Macleay Valley
Quakers Hill|Level 1, 180 Angophora Parade|Blue Mountains, Bungarribee, Cambridge Park, Eastern Creek, Girraween, Hawkesbury, Mount Druitt, Penrith, Quakers Hill, South Creek, The Hills, The Ponds, Windsor
Queanbeyan|Queanbeyan Education Office, 81 Brushbox Way|Eden-Monaro, Queanbeyan, Yass
Riverwood|100 Callistemon Road|Bankstown, Beverly Hills, Chipping Norton, Georges River
St Peters|120 Hakea Street|Auburn, Bondi, Botany Bay, Chullora, Iron Cove, Port Jackson, Strathfield
Tamworth|Level 4, 158 Kunzea Avenue|Mooki, Peel, Western Plains
Tuggerah|57 Leptospermum Street|Brisbane Water, Central Coast, Mooney Mooney, Tuggerah Lakes
Wagga Wagga|Wagga Wagga Education Office, 65 Nardoo Avenue|Gundagai, Narrandera, Temora, Wagga Wagga
Warilla|Level 2, 129 Saltbush Parade|Lake Illawarra North, Lake Illawarra South, Shoalhaven, South Coast
Wollongong|104 Spinifex Parade|Wollondilly, Wollongong, Wollongong North
`).map(([office = '', address = '', networks = '']) => ({ office, address, networks: networks.split(', ') }));

/** Directorate of the Connected Communities schools, which are grouped in teams rather than by place. */
export const CONNECTED_COMMUNITIES_DIRECTORATE: OperationalDirectorate = 'Regional South and Connected Communities';

/** Connected Communities teams, west to east. They have no directorate office. */
export const CONNECTED_COMMUNITIES_NETWORKS = [
  'Connected Communities Team 1',
  'Connected Communities Team 2',
  'Connected Communities Team 3',
] as const;

/** Electoral districts new in the 2023 redistribution, mapped to the 2015–2022 district most of them came from. */
export const ELECTORATE_BEFORE_2023: Readonly<Record<string, string>> = {
  'Badgerys Creek': 'Mulgoa',
  Kellyville: 'Castle Hill',
  Leppington: 'Macquarie Fields',
  Wahroonga: 'Ku-ring-gai',
  'Winston Hills': 'Seven Hills',
};

/** `School_subtype` values of secondary schools, weighted roughly as in 2025. */
export const SECONDARY_SUBTYPES: readonly (readonly [string, number])[] = [
  ['Year 7 to Year 12', 373],
  ['Year 7 to Year 10', 16],
  ['Year 11 to Year 12', 12],
  ['Year 10 to Year 12', 3],
  ['Year 7 to Year 9', 2],
];

/** `School_subtype` values of Schools for Specific Purposes (the real misspelling of "assessment" kept). */
export const SSP_SUBTYPES: readonly (readonly [string, number])[] = [
  ['Medium / High Support needs', 64],
  ['Behaviour Disorder', 22],
  ['Emotional disturbance', 12],
  ['Hospital School', 10],
  ['Juvenile Justice establishment', 6],
  ['Debilitated by physical difficulties', 2],
  ['Diagnostic remedial reading assesment', 1],
];

/** `School_specialty_type` values of secondary schools other than Junior/Senior College, weighted. */
export const SECONDARY_SPECIALTY_TYPES: readonly (readonly [string, number])[] = [
  ['Comprehensive', 334],
  ['Technology', 10],
  ['Performing Arts', 8],
  ['Sports', 7],
  ['Language', 6],
  ['Agricultural', 5],
  ['Creative Arts', 1],
  ['Visual Arts', 1],
  ['Marine Technology', 1],
  ['Rural Technology', 1],
];

/** Generic Australian street names for made-up school addresses. */
export const STREET_NAMES: readonly string[] = [
  'Albert Anzac Bank Beach Bridge Bent Church Clarence College Crown Darling Edward Elizabeth',
  'Forest George Gordon Grey Hill High Hunter Jersey King Lachlan Lake Macquarie Main',
  'Market Mill Mitchell Mountain Oxley Park Pitt Queen Railway River School Short Station',
  'Sturt Union Victoria Wattle William Banksia Bottlebrush Ironbark Kurrajong Myall Waratah',
]
  .join(' ')
  .split(' ');

/** Street types, weighted roughly as abbreviated on the portal. */
export const STREET_TYPES: readonly (readonly [string, number])[] = [
  ['St', 58],
  ['Rd', 14],
  ['Ave', 10],
  ['Street', 5],
  ['Pde', 3],
  ['Dr', 3],
  ['Cres', 2],
  ['Road', 2],
  ['Hwy', 2],
  ['Pl', 1],
];

/** Words placed before (`North …`) or after (`… Heights`) a town name to make school names unique. */
export const NAME_VARIANTS: readonly { readonly word: string; readonly before: boolean }[] = [
  ...'North South East West Upper Lower Mount Old New'.split(' ').map((word) => ({ word, before: true })),
  ...'Heights Park Hills Vale Grove Creek Ridge Gardens Valley Central Meadows Plains Downs Junction Flat'
    .split(' ')
    .map((word) => ({ word, before: false })),
];

const REMOTENESS_CODES: Readonly<Record<string, RemotenessArea>> = {
  MC: 'Major Cities of Australia',
  IR: 'Inner Regional Australia',
  OR: 'Outer Regional Australia',
  R: 'Remote Australia',
  VR: 'Very Remote Australia',
};

const DIRECTORATE_CODES: Readonly<Record<string, OperationalDirectorate>> = {
  MN: 'Metropolitan North',
  MS: 'Metropolitan South',
  MSW: 'Metropolitan South and West',
  RN: 'Regional North',
  RNW: 'Regional North and West',
  RSC: 'Regional South and Connected Communities',
  RuN: 'Rural North',
  RuSW: 'Rural South and West',
};

/**
 * One place per line, fields separated by `|`:
 * name | postcode | latitude | longitude | weight | remoteness code | directorate code | principal network | LGA |
 * electorate (2023) | federal electorate | SA4. Weights sum to about 2,200: a little over half in Greater Sydney,
 * Newcastle, Wollongong and the Central Coast, and each remoteness area about as common as among real schools.
 */
const PLACE_TABLE = `
name | postcode | latitude | longitude | weight | remoteness | directorate | network | LGA | electorate | federal | SA4
Batehaven|2536|-35.73|150.2|6|IR|RSC|Batemans Bay|Eurobodalla|Bega|Gilmore|Capital Region
Bega|2550|-36.67|149.84|9|OR|RSC|Batemans Bay|Bega Valley|Bega|Eden-Monaro|Capital Region
Bombala|2632|-36.92|149.23|9|OR|RuSW|Eden-Monaro|Snowy Monaro|Monaro|Eden-Monaro|Capital Region
Bungendore|2621|-35.25|149.45|6|IR|RuSW|Queanbeyan|Queanbeyan-Palerang|Monaro|Eden-Monaro|Capital Region
Crookwell|2583|-34.46|149.47|2|IR|RSC|Yass|Upper Lachlan|Goulburn|Hume|Capital Region
Eden|2551|-37.06|149.91|3|OR|RuSW|Eden-Monaro|Bega Valley|Bega|Eden-Monaro|Capital Region
Goulburn|2580|-34.75|149.71|25|IR|RSC|Goulburn|Goulburn Mulwaree|Goulburn|Hume|Capital Region
Jindabyne|2627|-36.42|148.62|3|OR|RuSW|Eden-Monaro|Snowy Monaro|Monaro|Eden-Monaro|Capital Region
Moruya|2537|-35.92|150.08|2|IR|RSC|Batemans Bay|Eurobodalla|Bega|Gilmore|Capital Region
Narooma|2546|-36.23|150.13|3|OR|RSC|Batemans Bay|Eurobodalla|Bega|Eden-Monaro|Capital Region
Queanbeyan|2620|-35.35|149.22|20|MC|RuSW|Queanbeyan|Queanbeyan-Palerang|Monaro|Eden-Monaro|Capital Region
Yass|2582|-34.84|148.91|8|IR|RSC|Yass|Yass Valley|Goulburn|Eden-Monaro|Capital Region
Young|2594|-34.32|148.29|8|IR|RuSW|Temora|Hilltops|Cootamundra|Riverina|Capital Region
Berkeley Vale|2261|-33.35|151.43|8|MC|RN|Central Coast|Central Coast (NSW)|The Entrance|Dobell|Central Coast
Gosford|2250|-33.42|151.34|15|MC|RN|Mooney Mooney|Central Coast (NSW)|Gosford|Robertson|Central Coast
Kariong|2250|-33.43|151.3|11|MC|RN|Mooney Mooney|Central Coast (NSW)|Gosford|Robertson|Central Coast
Lisarow|2250|-33.39|151.37|11|MC|RN|Central Coast|Central Coast (NSW)|The Entrance|Dobell|Central Coast
Woy Woy|2256|-33.49|151.32|11|MC|RN|Brisbane Water|Central Coast (NSW)|Gosford|Robertson|Central Coast
Wyong|2259|-33.28|151.42|15|MC|RN|Central Coast|Central Coast (NSW)|Wyong|Dobell|Central Coast
Bathurst|2795|-33.42|149.57|12|IR|RNW|Bathurst|Bathurst|Bathurst|Calare|Central West
Blayney|2799|-33.53|149.25|5|IR|RNW|Bathurst|Blayney|Bathurst|Calare|Central West
Condobolin|2877|-33.09|147.15|3|OR|RuSW|West Wyalong|Lachlan|Barwon|Parkes|Central West
Cowra|2794|-33.82|148.69|12|IR|RuSW|Cowra|Cowra|Cootamundra|Riverina|Central West
Forbes|2871|-33.37|148.01|12|OR|RuSW|Cowra|Forbes|Orange|Riverina|Central West
Gulgong|2852|-32.36|149.54|12|OR|RNW|Mudgee|Mid-Western|Dubbo|Calare|Central West
Lake Cargelligo|2672|-33.29|146.37|6|R|RuSW|West Wyalong|Lachlan|Barwon|Parkes|Central West
Lithgow|2790|-33.48|150.16|10|IR|RNW|Lithgow|Lithgow|Bathurst|Calare|Central West
Mudgee|2850|-32.6|149.58|7|IR|RNW|Mudgee|Mid-Western|Dubbo|Calare|Central West
Orange|2800|-33.29|149.1|25|IR|RuSW|Orange|Orange|Orange|Calare|Central West
Parkes|2870|-33.14|148.18|17|OR|RuSW|Mitchell|Parkes|Orange|Riverina|Central West
Tottenham|2873|-32.25|147.35|6|R|RuSW|Mitchell|Lachlan|Barwon|Parkes|Central West
West Wyalong|2671|-33.92|147.2|3|OR|RuSW|West Wyalong|Bland|Cootamundra|Riverina|Central West
Bellingen|2454|-30.45|152.9|6|IR|RNW|Mid Coast Valleys|Bellingen|Oxley|Cowper|Coffs Harbour - Grafton
Coffs Harbour|2450|-30.3|153.11|18|IR|RNW|Coffs Harbour|Coffs Harbour|Coffs Harbour|Cowper|Coffs Harbour - Grafton
Dorrigo|2453|-30.34|152.71|9|IR|RNW|Mid Coast Valleys|Bellingen|Oxley|Cowper|Coffs Harbour - Grafton
Grafton|2460|-29.68|152.93|9|IR|RuN|Grafton|Clarence Valley|Clarence|Page|Coffs Harbour - Grafton
Maclean|2463|-29.46|153.2|2|IR|RuN|Clarence Valley|Clarence Valley|Clarence|Page|Coffs Harbour - Grafton
South Grafton|2460|-29.72|152.94|12|IR|RuN|Grafton|Clarence Valley|Clarence|Page|Coffs Harbour - Grafton
Yamba|2464|-29.44|153.35|1|IR|RuN|Clarence Valley|Clarence Valley|Clarence|Page|Coffs Harbour - Grafton
Ballimore|2830|-32.19|148.9|3|OR|RNW|Mudgee|Dubbo|Dubbo|Parkes|Far West and Orana
Binnaway|2395|-31.55|149.37|3|OR|RNW|Mudgee|Warrumbungle|Barwon|Parkes|Far West and Orana
Broken Hill|2880|-31.96|141.46|30|OR|RuSW|Far West|Broken Hill|Barwon|Parkes|Far West and Orana
Coonabarabran|2357|-31.28|149.28|9|OR|RuN|Western Plains|Warrumbungle|Barwon|Parkes|Far West and Orana
Dubbo|2830|-32.25|148.61|26|IR|RNW|Wambuul-Macquarie|Dubbo|Dubbo|Parkes|Far West and Orana
Gilgandra|2827|-31.71|148.67|3|OR|RNW|Mudgee|Gilgandra|Barwon|Parkes|Far West and Orana
Goodooga|2838|-29.12|147.46|2|VR|RuN|Western Plains|Brewarrina|Barwon|Parkes|Far West and Orana
Ivanhoe|2878|-32.9|144.3|2|VR|RuSW|Griffith|Central Darling|Barwon|Parkes|Far West and Orana
Lightning Ridge|2834|-29.43|147.98|6|R|RuN|Western Plains|Walgett|Barwon|Parkes|Far West and Orana
Louth|2840|-30.54|145.12|2|VR|RuSW|Mitchell|Bourke|Barwon|Parkes|Far West and Orana
Menindee|2879|-32.39|142.41|2|VR|RSC||Central Darling|Barwon|Parkes|Far West and Orana
Narromine|2821|-32.23|148.24|6|OR|RNW|Wambuul-Macquarie|Narromine|Dubbo|Parkes|Far West and Orana
Tibooburra|2880|-29.43|142.01|2|VR|RuSW|Far West|Unincorporated NSW|Barwon|Parkes|Far West and Orana
Wanaaring|2840|-29.71|144.15|2|VR|RuSW|Mitchell|Bourke|Barwon|Parkes|Far West and Orana
Warren|2824|-31.71|147.84|2|OR|RuSW|Mitchell|Warren|Barwon|Parkes|Far West and Orana
Wellington|2820|-32.55|148.95|6|OR|RNW|Mudgee|Dubbo|Dubbo|Calare|Far West and Orana
White Cliffs|2836|-30.85|143.09|2|VR|RuSW|Far West|Central Darling|Barwon|Parkes|Far West and Orana
Wilcannia|2836|-31.56|143.38|2|VR|RSC||Central Darling|Barwon|Parkes|Far West and Orana
Cessnock|2325|-32.84|151.36|18|MC|RN|Cessnock|Cessnock|Cessnock|Hunter|Hunter Valley exc Newcastle
Clarence Town|2321|-32.56|151.79|7|IR|RNW|Hunter|Dungog|Upper Hunter|Lyne|Hunter Valley exc Newcastle
Dungog|2420|-32.4|151.75|7|IR|RNW|Hunter|Dungog|Upper Hunter|Lyne|Hunter Valley exc Newcastle
East Maitland|2323|-32.75|151.59|10|MC|RNW|Maitland|Maitland|Maitland|Paterson|Hunter Valley exc Newcastle
Kurri Kurri|2327|-32.82|151.48|8|MC|RN|Cessnock|Cessnock|Cessnock|Paterson|Hunter Valley exc Newcastle
Muswellbrook|2333|-32.27|150.9|10|IR|RNW|Upper Hunter|Muswellbrook|Upper Hunter|Hunter|Hunter Valley exc Newcastle
Raymond Terrace|2324|-32.76|151.76|14|MC|RN|Port Stephens|Port Stephens|Port Stephens|Paterson|Hunter Valley exc Newcastle
Scone|2337|-32.05|150.87|2|IR|RNW|Upper Hunter|Upper Hunter|Upper Hunter|New England|Hunter Valley exc Newcastle
Singleton|2330|-32.57|151.18|14|IR|RNW|Upper Hunter|Singleton|Upper Hunter|Hunter|Hunter Valley exc Newcastle
Albion Park|2527|-34.58|150.77|8|MC|RSC|Lake Illawarra South|Shellharbour|Kiama|Whitlam|Illawarra
Berkeley|2506|-34.48|150.85|8|MC|RSC|Lake Illawarra North|Wollongong|Wollongong|Whitlam|Illawarra
Dapto|2530|-34.5|150.79|11|MC|RSC|Lake Illawarra South|Wollongong|Shellharbour|Whitlam|Illawarra
Fairy Meadow|2519|-34.4|150.89|14|MC|RSC|Wollongong|Wollongong|Keira|Cunningham|Illawarra
Figtree|2525|-34.43|150.85|11|MC|RSC|Lake Illawarra North|Wollongong|Keira|Cunningham|Illawarra
Kiama|2533|-34.68|150.85|2|MC|RSC|Shoalhaven|Kiama|Kiama|Gilmore|Illawarra
Warilla|2528|-34.55|150.85|11|MC|RSC|Lake Illawarra South|Shellharbour|Shellharbour|Whitlam|Illawarra
Wollongong|2500|-34.42|150.88|17|MC|RSC|Wollongong|Wollongong|Wollongong|Cunningham|Illawarra
Gloucester|2422|-32.01|151.96|2|IR|RNW|Great Lakes|Mid-Coast|Upper Hunter|Lyne|Mid North Coast
Kempsey|2440|-31.09|152.83|10|IR|RNW|Macleay Valley|Kempsey|Oxley|Cowper|Mid North Coast
Nambucca Heads|2448|-30.64|152.99|7|IR|RNW|Mid Coast Valleys|Nambucca Valley|Oxley|Cowper|Mid North Coast
Port Macquarie|2444|-31.44|152.91|18|IR|RNW|Hastings|Port Macquarie-Hastings|Port Macquarie|Cowper|Mid North Coast
Taree|2430|-31.9|152.46|16|IR|RNW|Taree|Mid-Coast|Myall Lakes|Lyne|Mid North Coast
Tuncurry|2428|-32.16|152.5|7|IR|RNW|Great Lakes|Mid-Coast|Myall Lakes|Lyne|Mid North Coast
Wauchope|2446|-31.45|152.71|10|IR|RNW|Macleay Valley|Port Macquarie-Hastings|Oxley|Lyne|Mid North Coast
Wingham|2429|-31.87|152.38|7|IR|RNW|Taree|Mid-Coast|Myall Lakes|Lyne|Mid North Coast
Albury|2640|-36.08|146.92|9|IR|RuSW|Albury|Albury|Albury|Farrer|Murray
Balranald|2715|-34.64|143.56|2|OR|RuSW|Deniliquin|Balranald|Murray|Farrer|Murray
Barham|2732|-35.62|144.13|8|OR|RuSW|Deniliquin|Murray River|Murray|Farrer|Murray
Corowa|2646|-35.99|146.38|7|IR|RuSW|Hume|Federation|Albury|Farrer|Murray
Deniliquin|2710|-35.53|144.96|12|IR|RuSW|Deniliquin|Edward River|Murray|Farrer|Murray
Finley|2713|-35.64|145.57|2|IR|RuSW|Deniliquin|Berrigan|Murray|Farrer|Murray
Hay|2711|-34.51|144.84|3|OR|RuSW|Griffith|Hay|Murray|Farrer|Murray
Lavington|2641|-36.04|146.95|12|IR|RuSW|Albury|Albury|Albury|Farrer|Murray
Moama|2731|-36.12|144.76|1|IR|RuSW|Deniliquin|Murray River|Murray|Farrer|Murray
North Albury|2640|-36.06|146.93|9|IR|RuSW|Albury|Albury|Albury|Farrer|Murray
Pooncarie|2648|-33.38|142.57|6|R|RuSW|Far West|Wentworth|Murray|Farrer|Murray
Wentworth|2648|-34.1|141.92|2|OR|RuSW|Far West|Wentworth|Murray|Farrer|Murray
Armidale|2350|-30.52|151.66|23|IR|RuN|Armidale|Armidale|Northern Tablelands|New England|New England and North West
Boggabilla|2409|-28.64|150.42|9|OR|RSC||Moree Plains|Northern Tablelands|Parkes|New England and North West
Glen Innes|2370|-29.74|151.74|10|IR|RuN|Northern Tablelands|Glen Innes Severn|Northern Tablelands|New England|New England and North West
Gunnedah|2380|-30.99|150.25|17|OR|RuN|Mooki|Gunnedah|Tamworth|Parkes|New England and North West
Guyra|2365|-30.23|151.73|9|OR|RuN|Northern Tablelands|Armidale|Northern Tablelands|New England|New England and North West
Inverell|2360|-29.77|151.12|17|OR|RuN|Namoi|Inverell|Northern Tablelands|New England|New England and North West
Kootingal|2352|-31.07|151.03|6|IR|RuN|Peel|Tamworth|Tamworth|New England|New England and North West
Moree|2400|-29.48|149.84|22|OR|RuN|Barwon|Moree Plains|Northern Tablelands|Parkes|New England and North West
Mungindi|2406|-28.98|148.99|6|R|RuN|Barwon|Moree Plains|Northern Tablelands|Parkes|New England and North West
Narrabri|2390|-30.34|149.78|12|OR|RuN|Namoi|Narrabri|Barwon|Parkes|New England and North West
Tamworth|2340|-31.1|150.91|16|IR|RuN|Peel|Tamworth|Tamworth|New England|New England and North West
Tenterfield|2372|-29.05|152.02|3|OR|RuN|Northern Tablelands|Tenterfield|Lismore|New England|New England and North West
Walcha|2354|-30.98|151.6|2|OR|RuN|Armidale|Walcha|Northern Tablelands|New England|New England and North West
Adamstown|2289|-32.95|151.71|9|MC|RN|Glenrock|Newcastle|Charlestown|Newcastle|Newcastle and Lake Macquarie
Belmont|2280|-33.03|151.66|9|MC|RN|Lake Macquarie East|Lake Macquarie|Swansea|Shortland|Newcastle and Lake Macquarie
Booragul|2284|-32.97|151.61|9|MC|RN|Lake Macquarie West|Lake Macquarie|Lake Macquarie|Hunter|Newcastle and Lake Macquarie
Cardiff|2285|-32.95|151.67|9|MC|RN|Lake Macquarie North|Lake Macquarie|Charlestown|Shortland|Newcastle and Lake Macquarie
Charlestown|2290|-32.97|151.69|13|MC|RN|Glenrock|Lake Macquarie|Charlestown|Shortland|Newcastle and Lake Macquarie
Gateshead|2290|-32.98|151.69|9|MC|RN|Glenrock|Lake Macquarie|Charlestown|Shortland|Newcastle and Lake Macquarie
Jesmond|2299|-32.9|151.7|9|MC|RN|Callaghan|Newcastle|Wallsend|Newcastle|Newcastle and Lake Macquarie
Merewether|2291|-32.94|151.75|9|MC|RN|Newcastle|Newcastle|Newcastle|Newcastle|Newcastle and Lake Macquarie
Wallsend|2287|-32.91|151.67|17|MC|RN|Callaghan|Newcastle|Wallsend|Newcastle|Newcastle and Lake Macquarie
Waratah|2298|-32.91|151.72|13|MC|RN|Callaghan|Newcastle|Wallsend|Newcastle|Newcastle and Lake Macquarie
Alstonville|2477|-28.84|153.43|10|IR|RuN|Lismore|Ballina|Ballina|Page|Richmond - Tweed
Ballina|2478|-28.87|153.56|6|IR|RuN|Lennox Coast|Ballina|Ballina|Richmond|Richmond - Tweed
Banora Point|2486|-28.22|153.53|10|MC|RuN|Tweed Coast|Tweed|Tweed|Richmond|Richmond - Tweed
Casino|2470|-28.85|153.04|10|IR|RuN|Clarence Valley|Richmond Valley|Clarence|Page|Richmond - Tweed
East Lismore|2480|-28.82|153.29|10|IR|RuN|Lismore|Lismore|Lismore|Page|Richmond - Tweed
Kyogle|2474|-28.63|153.0|2|IR|RuN|Richmond|Kyogle|Lismore|Page|Richmond - Tweed
Lismore|2480|-28.82|153.29|17|IR|RuN|Lismore|Lismore|Lismore|Page|Richmond - Tweed
Mullumbimby|2482|-28.56|153.49|10|IR|RuN|Wollumbin|Byron|Ballina|Richmond|Richmond - Tweed
Murwillumbah|2484|-28.33|153.39|14|IR|RuN|Wollumbin|Tweed|Lismore|Richmond|Richmond - Tweed
Tweed Heads South|2486|-28.2|153.54|10|MC|RuN|Tweed Coast|Tweed|Tweed|Richmond|Richmond - Tweed
Coleambally|2707|-34.8|145.88|2|OR|RuSW|Narrandera|Murrumbidgee|Murray|Farrer|Riverina
Cootamundra|2590|-34.64|148.02|6|IR|RuSW|Temora|Cootamundra-Gundagai|Cootamundra|Riverina|Riverina
Griffith|2680|-34.29|146.04|20|OR|RuSW|Griffith|Griffith|Murray|Farrer|Riverina
Hillston|2675|-33.48|145.54|6|R|RuSW|Griffith|Carrathool|Murray|Farrer|Riverina
Junee|2663|-34.87|147.59|6|IR|RuSW|Gundagai|Junee|Cootamundra|Riverina|Riverina
Leeton|2705|-34.55|146.41|14|OR|RuSW|Narrandera|Leeton|Murray|Farrer|Riverina
Narrandera|2700|-34.74|146.57|11|OR|RuSW|Narrandera|Narrandera|Cootamundra|Farrer|Riverina
Temora|2666|-34.44|147.54|11|OR|RuSW|Temora|Temora|Cootamundra|Riverina|Riverina
Tumbarumba|2653|-35.78|148.02|3|OR|RuSW|Albury|Snowy Valleys|Albury|Eden-Monaro|Riverina
Tumut|2720|-35.31|148.22|8|IR|RuSW|Gundagai|Snowy Valleys|Wagga Wagga|Eden-Monaro|Riverina
Wagga Wagga|2650|-35.13|147.36|30|IR|RuSW|Wagga Wagga|Wagga Wagga|Wagga Wagga|Riverina|Riverina
Bomaderry|2541|-34.85|150.61|8|IR|RSC|Shoalhaven|Shoalhaven|Kiama|Gilmore|Southern Highlands and Shoalhaven
Bowral|2576|-34.48|150.42|8|IR|RSC|Wollondilly|Wingecarribee|Wollondilly|Whitlam|Southern Highlands and Shoalhaven
North Nowra|2541|-34.86|150.58|12|IR|RSC|Shoalhaven|Shoalhaven|Kiama|Gilmore|Southern Highlands and Shoalhaven
Nowra|2541|-34.89|150.6|16|IR|RSC|South Coast|Shoalhaven|South Coast|Gilmore|Southern Highlands and Shoalhaven
Ulladulla|2539|-35.36|150.47|2|IR|RSC|South Coast|Shoalhaven|South Coast|Gilmore|Southern Highlands and Shoalhaven
Baulkham Hills|2153|-33.75|150.98|17|MC|MN|The Hills|The Hills|Castle Hill|Mitchell|Sydney - Baulkham Hills and Hawkesbury
Castle Hill|2154|-33.73|151.0|12|MC|MN|The Ponds|The Hills|Castle Hill|Mitchell|Sydney - Baulkham Hills and Hawkesbury
Cherrybrook|2126|-33.72|151.04|8|MC|MN|The Hills|Hornsby|Hornsby|Berowra|Sydney - Baulkham Hills and Hawkesbury
Kellyville|2155|-33.71|150.96|9|MC|MN|The Ponds|The Hills|Kellyville|Mitchell|Sydney - Baulkham Hills and Hawkesbury
Rouse Hill|2155|-33.69|150.93|9|MC|MN|South Creek|The Hills|Kellyville|Mitchell|Sydney - Baulkham Hills and Hawkesbury
Blacktown|2148|-33.77|150.91|25|MC|MSW|Bungarribee|Blacktown|Blacktown|Greenway|Sydney - Blacktown
Doonside|2767|-33.75|150.87|6|MC|MN|Quakers Hill|Blacktown|Blacktown|Chifley|Sydney - Blacktown
Mount Druitt|2770|-33.77|150.81|8|MC|MN|Mount Druitt|Blacktown|Mount Druitt|Chifley|Sydney - Blacktown
Quakers Hill|2763|-33.73|150.89|9|MC|MN|Quakers Hill|Blacktown|Riverstone|Greenway|Sydney - Blacktown
Riverstone|2765|-33.68|150.87|8|MC|MN|South Creek|Blacktown|Riverstone|Greenway|Sydney - Blacktown
Seven Hills|2147|-33.77|150.94|18|MC|MSW|Bungarribee|Blacktown|Winston Hills|Greenway|Sydney - Blacktown
The Ponds|2769|-33.7|150.91|8|MC|MN|The Ponds|Blacktown|Riverstone|Greenway|Sydney - Blacktown
Botany|2019|-33.94|151.2|10|MC|MS|Botany Bay|Bayside (NSW)|Maroubra|Kingsford Smith|Sydney - City and Inner South
Marrickville|2204|-33.91|151.16|12|MC|MS|Marrickville|Inner West|Summer Hill|Grayndler|Sydney - City and Inner South
Newtown|2042|-33.9|151.18|12|MC|MS|Marrickville|Sydney|Newtown|Sydney|Sydney - City and Inner South
Surry Hills|2010|-33.89|151.22|12|MC|MS|Port Jackson|Sydney|Sydney|Sydney|Sydney - City and Inner South
Bondi Beach|2026|-33.89|151.28|6|MC|MS|Bondi|Waverley|Vaucluse|Wentworth|Sydney - Eastern Suburbs
Maroubra|2035|-33.94|151.24|9|MC|MS|Botany Bay|Randwick|Maroubra|Kingsford Smith|Sydney - Eastern Suburbs
Randwick|2031|-33.92|151.24|15|MC|MS|Bondi|Randwick|Coogee|Kingsford Smith|Sydney - Eastern Suburbs
Arncliffe|2205|-33.94|151.15|8|MC|MS|Kogarah|Bayside (NSW)|Rockdale|Barton|Sydney - Inner South West
Bankstown|2200|-33.92|151.03|19|MC|MSW|Bankstown|Canterbury-Bankstown|Bankstown|Blaxland|Sydney - Inner South West
Bexley|2207|-33.96|151.12|9|MC|MS|Georges River|Bayside (NSW)|Kogarah|Barton|Sydney - Inner South West
Greenacre|2190|-33.91|151.05|9|MC|MS|Chullora|Canterbury-Bankstown|Bankstown|Watson|Sydney - Inner South West
Hurstville|2220|-33.97|151.11|9|MC|MS|Georges River|Georges River|Kogarah|Barton|Sydney - Inner South West
Kogarah|2217|-33.97|151.14|17|MC|MS|Kogarah|Georges River|Kogarah|Barton|Sydney - Inner South West
Padstow|2211|-33.95|151.03|9|MC|MSW|Bankstown|Canterbury-Bankstown|East Hills|Banks|Sydney - Inner South West
Panania|2213|-33.96|151.0|14|MC|MSW|Bankstown|Canterbury-Bankstown|East Hills|Banks|Sydney - Inner South West
Revesby|2212|-33.94|151.02|9|MC|MSW|Bankstown|Canterbury-Bankstown|East Hills|Banks|Sydney - Inner South West
Ashfield|2131|-33.89|151.13|9|MC|MS|Canterbury|Inner West|Summer Hill|Grayndler|Sydney - Inner West
Canterbury|2193|-33.91|151.12|12|MC|MS|Canterbury|Canterbury-Bankstown|Canterbury|Watson|Sydney - Inner West
Leichhardt|2040|-33.88|151.16|12|MC|MS|Iron Cove|Inner West|Balmain|Grayndler|Sydney - Inner West
Strathfield|2135|-33.88|151.08|12|MC|MS|Strathfield|Strathfield|Strathfield|Reid|Sydney - Inner West
Asquith|2077|-33.69|151.11|8|MC|MN|Hornsby|Hornsby|Hornsby|Bradfield|Sydney - North Sydney and Hornsby
Hornsby|2077|-33.71|151.1|13|MC|MN|Hornsby|Hornsby|Hornsby|Berowra|Sydney - North Sydney and Hornsby
Killara|2071|-33.77|151.15|8|MC|MN|Gordon|Ku-ring-gai|Davidson|Bradfield|Sydney - North Sydney and Hornsby
Lindfield|2070|-33.79|151.16|11|MC|MN|Gordon|Ku-ring-gai|Davidson|Bradfield|Sydney - North Sydney and Hornsby
Mosman|2088|-33.83|151.24|11|MC|MN|North Sydney|Mosman|North Shore|Warringah|Sydney - North Sydney and Hornsby
St Ives|2075|-33.72|151.17|13|MC|MN|Pittwater|Ku-ring-gai|Davidson|Bradfield|Sydney - North Sydney and Hornsby
Balgowlah|2093|-33.8|151.26|11|MC|MN|The Beaches|Northern Beaches|Manly|Warringah|Sydney - Northern Beaches
Belrose|2085|-33.73|151.22|8|MC|MN|The Forest|Northern Beaches|Davidson|Mackellar|Sydney - Northern Beaches
Collaroy Plateau|2097|-33.73|151.29|8|MC|MN|Pittwater|Northern Beaches|Wakehurst|Mackellar|Sydney - Northern Beaches
Frenchs Forest|2086|-33.75|151.22|18|MC|MN|The Forest|Northern Beaches|Davidson|Mackellar|Sydney - Northern Beaches
Ambarvale|2560|-34.09|150.8|7|MC|RSC|Campbelltown|Campbelltown (NSW)|Campbelltown|Macarthur|Sydney - Outer South West
Camden|2570|-34.07|150.69|8|MC|RSC|Camden|Camden|Camden|Hume|Sydney - Outer South West
Campbelltown|2560|-34.07|150.83|21|MC|RSC|Campbelltown|Campbelltown (NSW)|Campbelltown|Macarthur|Sydney - Outer South West
Glenfield|2167|-33.97|150.89|12|MC|MSW|Glenfield|Campbelltown (NSW)|Macquarie Fields|Werriwa|Sydney - Outer South West
Macquarie Fields|2564|-33.99|150.89|10|MC|MSW|St Andrews|Campbelltown (NSW)|Macquarie Fields|Werriwa|Sydney - Outer South West
Minto|2566|-34.03|150.85|12|MC|MSW|St Andrews|Campbelltown (NSW)|Macquarie Fields|Macarthur|Sydney - Outer South West
Narellan|2567|-34.05|150.73|8|MC|RSC|Macarthur|Camden|Camden|Hume|Sydney - Outer South West
Blaxland|2774|-33.75|150.61|8|MC|RN|Blue Mountains|Blue Mountains|Blue Mountains|Macquarie|Sydney - Outer West and Blue Mountains
Cambridge Park|2747|-33.75|150.73|8|MC|MN|Cambridge Park|Penrith|Penrith|Lindsay|Sydney - Outer West and Blue Mountains
Cranebrook|2749|-33.72|150.71|9|MC|MN|Cambridge Park|Penrith|Penrith|Lindsay|Sydney - Outer West and Blue Mountains
Glenmore Park|2745|-33.79|150.68|12|MC|MSW|Penrith|Penrith|Badgerys Creek|Lindsay|Sydney - Outer West and Blue Mountains
Katoomba|2780|-33.72|150.31|3|MC|RN|Blue Mountains|Blue Mountains|Blue Mountains|Macquarie|Sydney - Outer West and Blue Mountains
Penrith|2750|-33.76|150.71|9|MC|MSW|Penrith|Penrith|Penrith|Lindsay|Sydney - Outer West and Blue Mountains
St Clair|2759|-33.8|150.79|12|MC|MSW|Eastern Creek|Penrith|Badgerys Creek|McMahon|Sydney - Outer West and Blue Mountains
St Marys|2760|-33.77|150.78|12|MC|MSW|Eastern Creek|Penrith|Londonderry|Lindsay|Sydney - Outer West and Blue Mountains
Werrington|2747|-33.76|150.75|12|MC|MN|Cambridge Park|Penrith|Londonderry|Lindsay|Sydney - Outer West and Blue Mountains
Auburn|2144|-33.85|151.03|8|MC|MS|Auburn|Cumberland|Auburn|Blaxland|Sydney - Parramatta
Carlingford|2118|-33.78|151.04|14|MC|MN|Carlingford|Parramatta|Epping|Bennelong|Sydney - Parramatta
Chester Hill|2162|-33.87|151.0|8|MC|MS|Auburn|Canterbury-Bankstown|Auburn|Blaxland|Sydney - Parramatta
Granville|2142|-33.84|151.01|8|MC|MS|Auburn|Cumberland|Granville|Parramatta|Sydney - Parramatta
Greystanes|2145|-33.82|150.94|12|MC|MS|Girraween|Cumberland|Prospect|McMahon|Sydney - Parramatta
Merrylands|2160|-33.84|150.98|14|MC|MS|Parramatta|Cumberland|Granville|McMahon|Sydney - Parramatta
Parramatta|2150|-33.81|151.01|17|MC|MS|Parramatta|Parramatta|Parramatta|Parramatta|Sydney - Parramatta
Eastwood|2122|-33.79|151.1|9|MC|MN|Carlingford|Ryde|Ryde|Bennelong|Sydney - Ryde
Epping|2121|-33.77|151.07|12|MC|MN|Carlingford|Parramatta|Epping|Bennelong|Sydney - Ryde
North Ryde|2113|-33.8|151.13|9|MC|MN|Ryde|Ryde|Lane Cove|Bennelong|Sydney - Ryde
Bossley Park|2176|-33.87|150.88|8|MC|MSW|Cowpasture|Fairfield|Cabramatta|Fowler|Sydney - South West
Cabramatta|2166|-33.9|150.93|14|MC|MSW|Fairfield|Fairfield|Cabramatta|Fowler|Sydney - South West
Canley Vale|2166|-33.89|150.95|8|MC|MSW|Fairfield|Fairfield|Cabramatta|Fowler|Sydney - South West
Chipping Norton|2170|-33.91|150.96|8|MC|MSW|Chipping Norton|Liverpool|Holsworthy|Fowler|Sydney - South West
Fairfield|2165|-33.87|150.95|11|MC|MSW|Fairfield|Fairfield|Fairfield|McMahon|Sydney - South West
Fairfield West|2165|-33.87|150.92|8|MC|MSW|Fairfield|Fairfield|Fairfield|McMahon|Sydney - South West
Green Valley|2168|-33.91|150.87|8|MC|MSW|Liverpool|Liverpool|Liverpool|Werriwa|Sydney - South West
Liverpool|2170|-33.92|150.93|20|MC|MSW|Liverpool|Liverpool|Liverpool|Fowler|Sydney - South West
Caringbah|2229|-34.04|151.12|16|MC|MSW|Port Hacking|Sutherland|Cronulla|Cook|Sydney - Sutherland
Cronulla|2230|-34.05|151.15|13|MC|MSW|Port Hacking|Sutherland|Cronulla|Cook|Sydney - Sutherland
Engadine|2233|-34.06|151.02|13|MC|MSW|Woronora River|Sutherland|Heathcote|Hughes|Sydney - Sutherland
Heathcote|2233|-34.08|151.01|8|MC|MSW|Woronora River|Sutherland|Heathcote|Hughes|Sydney - Sutherland
Jannali|2226|-34.02|151.06|8|MC|MSW|Sutherland|Sutherland|Miranda|Hughes|Sydney - Sutherland
`;

/** About 220 real NSW towns and suburbs, spread over all 28 SA4s of the state (Lord Howe Island excluded). */
export const NSW_PLACES: readonly NswPlace[] = parsePlaces(PLACE_TABLE);

function parsePlaces(table: string): NswPlace[] {
  return splitTable(table).map((fields) => {
    const [name, postcode, lat, lon, weight, rem, dir, principalNetwork = '', lga, electorate, fedElectorate, sa4] =
      fields;
    const remoteness = REMOTENESS_CODES[rem ?? ''];
    const region = DIRECTORATE_CODES[dir ?? ''];
    if (!name || !postcode || !remoteness || !region || !lga || !electorate || !fedElectorate || !sa4) {
      throw new Error(`Bad place row: ${fields.join('|')}`);
    }
    const [latitude, longitude] = [Number(lat), Number(lon)];
    return {
      name,
      postcode,
      latitude,
      longitude,
      weight: Number(weight),
      remoteness,
      region,
      principalNetwork,
      lga,
      electorate,
      fedElectorate,
      sa4,
    };
  });
}

/** Rows of a `|`-separated table held in a template literal; the first line is a header and is dropped. */
function splitTable(table: string): string[][] {
  return table
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split('|'));
}
