/**
 * The reference list behind every number, stage definition and caption in src/domain.
 *
 * Keys are short and stable: staging, lesion, caption and procedure data cite them, and
 * the "About and sources" panel lists them. Citations are given as the shared clinical
 * reference (../shared/reference/clinical.md) gives them; where it gives no DOI or URL,
 * journal, year and volume:page identify the paper. Entries whose `kind` is 'reference'
 * point at that sheet itself: they back design choices ([Inf]), not clinical facts.
 */

/** Date the clinical content (tables, captions, steps, sources) was last checked. */
export const CONTENT_LAST_REVIEWED = '2026-11-25'

export type SourceKind = 'primary' | 'secondary' | 'reference'

export interface Source {
  /** Authors, title or publisher, journal, year;volume:pages, as far as known. */
  readonly citation: string
  /** DOI, PubMed/PMC page or web address, when the reference gives one. */
  readonly link?: string
  /** 'secondary' = clinic, vendor, Q&A or AI-written page: check before relying on it. */
  readonly kind: SourceKind
}

const doi = (d: string): string => `https://doi.org/${d}`
const pmc = (id: string): string => `https://pmc.ncbi.nlm.nih.gov/articles/${id}/`
const pubmed = (id: string): string => `https://pubmed.ncbi.nlm.nih.gov/${id}/`

export const SOURCES = {
  // --- the shared clinical reference itself (design choices, [Inf]) -----------------
  'ref-crosswalk': {
    citation: 'Hip AVN Explorer clinical reference, §4.2: crosswalk of the stage systems to one 0–4 slider scale (design choice)',
    kind: 'reference',
  },
  'ref-animation': {
    citation: 'Hip AVN Explorer clinical reference, §4.3: suggested animation parameters and their notes (design choice anchored to sourced thresholds)',
    kind: 'reference',
  },
  'ref-failing': {
    citation: 'Hip AVN Explorer clinical reference, §3: "What to animate as failing" (design choice)',
    kind: 'reference',
  },
  'ref-geometry': {
    citation: 'Hip AVN Explorer clinical reference, §5: lesion geometry guidance (design choice)',
    kind: 'reference',
  },
  'ref-scope': {
    citation: 'Hip AVN Explorer clinical reference, §1: scope and disclaimer',
    kind: 'reference',
  },

  // --- staging systems ---------------------------------------------------------------
  yoon2020: {
    citation:
      'Yoon BH, et al. The 2019 revised version of Association Research Circulation Osseous staging system of osteonecrosis of the femoral head. J Arthroplasty 2020;35:933-40',
    link: doi('10.1016/j.arth.2019.11.029'),
    kind: 'primary',
  },
  'ficat-radiopaedia': {
    citation: 'Radiopaedia: Ficat and Arlet classification of avascular necrosis of femoral head',
    link: 'https://radiopaedia.org/articles/ficat-and-arlet-classification-of-avascular-necrosis-of-femoral-head',
    kind: 'primary',
  },
  ficat1985: {
    citation: 'Ficat 1985 stage wording, as quoted by pacs.de',
    link: 'https://pacs.de/taxonomy/term/60776',
    kind: 'primary',
  },
  'epomedicine-ficat': {
    citation: 'Epomedicine: Ficat staging of AVN hip, mnemonic (IIA/IIB split)',
    link: 'https://epomedicine.com/medical-students/ficat-staging-avn-hip-mnemonic/',
    kind: 'secondary',
  },
  kerboul1974: {
    citation:
      "Kerboul M, Thomine J, Postel M, Merle d'Aubigné R. The conservative surgical treatment of idiopathic aseptic necrosis of the femoral head. J Bone Joint Surg Br 1974;56-B:291-6 (the Kerboul angle)",
    link: doi('10.1302/0301-620X.56B2.291'),
    kind: 'primary',
  },
  steinberg1995: {
    citation:
      'Steinberg ME, et al. J Bone Joint Surg Br 1995;77:34-41 (University of Pennsylvania staging; summary at elearnrad.com)',
    link: 'https://elearnrad.com/steinberg-staging-of-avascular-necrosis/',
    kind: 'primary',
  },

  // --- imaging, symptoms, natural history ----------------------------------------------
  mitchell1987: {
    citation: 'Mitchell DG, et al. Radiology 1987;162:709 (MRI of femoral-head AVN; double-line sign)',
    link: pubmed('3809484'),
    kind: 'primary',
  },
  'seekhealthz-mri': {
    citation: 'SeekHealthz: MRI appearance of hip osteonecrosis',
    link: 'https://www.seekhealthz.com/health/mri-appearance-of-hip-osteonecrosis',
    kind: 'secondary',
  },
  vaananen2021: {
    citation: 'Väänänen M, et al. Acta Radiol Open 2021 (MRI predictors of progression to THA)',
    link: doi('10.1177/20584601211008379'),
    kind: 'primary',
  },
  iida2000: {
    citation: 'Iida S, et al. Correlation between bone marrow edema and collapse of the femoral head in steroid-induced osteonecrosis. AJR Am J Roentgenol 2000;174:735-43 (oedema appeared only after the onset of pain; 11/13 such hips progressed)',
    kind: 'primary',
  },
  huang2003: {
    citation: 'Huang GS, et al. MR imaging of bone marrow edema and joint effusion in patients with osteonecrosis of the femoral head: relationship to pain. AJR Am J Roentgenol 2003;181:545-9 (oedema most frequent at Steinberg stage III, 72%)',
    link: doi('10.2214/ajr.181.2.1810545'),
    kind: 'primary',
  },
  koo1999: {
    citation: 'Koo KH, et al. Bone marrow edema and associated pain in early stage osteonecrosis of the femoral head: prospective study with serial MR images. Radiology 1999;213:715-22 (oedema with pain, resolving together)',
    link: doi('10.1148/radiology.213.3.r99dc06715'),
    kind: 'primary',
  },
  vassalou2019: {
    citation:
      'Vassalou EE, Spanakis K, Tsifountoudis IP, Karantanas AH. MR imaging of the hip: an update on bone marrow edema. Semin Musculoskelet Radiol 2019;23:276-88 (telling osteonecrosis from transient bone-marrow oedema)',
    link: doi('10.1055/s-0039-1677872'),
    kind: 'primary',
  },
  nishii2002: {
    citation:
      'Nishii T, Sugano N, Ohzono K, et al. Significance of lesion size and location in the prediction of collapse of osteonecrosis of the femoral head: a new three-dimensional quantification using MRI. J Orthop Res 2002;20:130-6 (9 of 35 hips with lesions < 30% of the head collapsed)',
    link: doi('10.1016/S0736-0266(01)00063-8'),
    kind: 'primary',
  },
  shimizu1994: {
    citation:
      'Shimizu K, Moriya H, Akita T, et al. Prediction of collapse with magnetic resonance imaging of avascular necrosis of the femoral head. J Bone Joint Surg Am 1994;76:215-23 (lesions over ¼ of the head and ⅔ of the weight-bearing area: 17/23 collapsed)',
    link: doi('10.2106/00004623-199402000-00007'),
    kind: 'primary',
  },
  karachalios2007: {
    citation: 'Karachalios T, Karantanas AH, Malizos K. Hip osteoarthritis: what the radiologist wants to know. Eur J Radiol 2007;63:36-48 (joint-space narrowing, osteophytes, subchondral sclerosis, cysts; head migration)',
    link: doi('10.1016/j.ejrad.2007.03.022'),
    kind: 'primary',
  },
  zhang2018: {
    citation: 'Zhang QY, et al. Chin Med J 2018 (pericollapse stage of ONFH)',
    link: doi('10.4103/0366-6999.244111'),
    kind: 'primary',
  },
  'wheeless-stage4': {
    citation: "Wheeless' Textbook of Orthopaedics: AVN of the hip, stage IV",
    link: 'https://new.wheelessonline.com/joints/hip/stage-iv/',
    kind: 'primary',
  },
  meloni2016: {
    citation: 'Meloni MC, et al. Joints 2016;4:24 (cartilage and bone in femoral heads with failed grafts)',
    link: pmc('PMC4914370'),
    kind: 'primary',
  },
  lequesne2004: {
    citation: 'Lequesne M, et al. Ann Rheum Dis 2004;63:1145 (normal radiographic hip joint-space width, 446 hips)',
    kind: 'primary',
  },
  'medscape-clinical': {
    citation: 'Medscape: Avascular necrosis of the femoral head, clinical presentation',
    link: 'https://emedicine.medscape.com/article/1247804-clinical',
    kind: 'primary',
  },
  gupta2013: {
    citation: 'Gupta AK, et al. Arthrosc Tech 2013;3:e7 (core decompression; ONFH mechanism)',
    link: pmc('PMC3986482'),
    kind: 'primary',
  },
  hamada2018: {
    citation: 'Hamada H, et al. Int Orthop 2018;42:1479-84 (micro-CT of collapse in ONFH)',
    kind: 'primary',
  },
  mont2010: {
    citation: 'Mont MA, et al. J Bone Joint Surg Am 2010;92:2165-70 (natural history of asymptomatic ONFH, 664 hips)',
    kind: 'primary',
  },
  min2008: {
    citation: 'Min BW, et al. Clin Orthop Relat Res 2008;466:1087 (untreated asymptomatic contralateral hips)',
    link: pmc('PMC2311457'),
    kind: 'primary',
  },
  aetna0753: {
    citation: 'Aetna Clinical Policy Bulletin 0753: Osteonecrosis treatments',
    link: 'http://es.aetna.com/cpb/medical/data/700_799/0753.html',
    kind: 'primary',
  },

  // --- blood supply and mechanism ------------------------------------------------------------
  hamilton2009: {
    citation:
      'Hamilton TW, Goodman SM, Figgie M. SAS weekly rounds: avascular necrosis. HSS J 2009;5:99-113 (review: ≈90% of atraumatic cases attributed to corticosteroids or alcohol)',
    link: pmc('PMC2744745'),
    kind: 'primary',
  },
  merle1965: {
    citation:
      "Merle d'Aubigné R, Postel M, Mazabraud A, et al. Idiopathic necrosis of the femoral head in adults. J Bone Joint Surg Br 1965;47-B:612-33 (both hips affected in 52%)",
    kind: 'primary',
  },
  cui2021: {
    citation:
      'Cui Q, Jo WL, Koo KH, et al. ARCO consensus on the pathogenesis of non-traumatic osteonecrosis of the femoral head. J Korean Med Sci 2021;36(10):e65',
    link: pmc('PMC7961868'),
    kind: 'primary',
  },
  hines2021: {
    citation:
      'Hines JT, Jo WL, Cui Q, et al. Osteonecrosis of the femoral head: an updated review of ARCO on pathogenesis, staging and treatment. J Korean Med Sci 2021;36(24):e177',
    link: doi('10.3346/jkms.2021.36.e177'),
    kind: 'primary',
  },
  dewar2016: {
    citation: 'Dewar DC, et al. Bone Joint J 2016;98-B:1582-8 (MFCA vs LFCA share of head and neck perfusion)',
    link: pubmed('27909118'),
    kind: 'primary',
  },
  gautier2000: {
    citation: 'Gautier E, et al. J Bone Joint Surg Br 2000;82:679-83 (course of the deep branch of the MFCA)',
    kind: 'primary',
  },
  zlotorowicz2017: {
    citation: 'Złotorowicz M, Czubak J. Blood supply to the femoral head. Postępy Nauk Medycznych 2017',
    link: 'https://czytelniamedyczna.pl/6027,blood-supply-to-the-femoral-head.html',
    kind: 'primary',
  },
  boraiah2009: {
    citation: 'Boraiah S, et al. J Bone Joint Surg Br 2009;91:131-7 (inferior retinacular artery territory)',
    kind: 'primary',
  },
  ligteres1971: {
    citation: 'J Bone Joint Surg Am 1971;53:545-56 (artery of the ligamentum teres in 81 heads; authors to be verified)',
    link: doi('10.2106/00004623-197153030-00011'),
    kind: 'primary',
  },

  // --- lesion size and location -----------------------------------------------------------
  sugano2002: {
    citation: 'Sugano N, et al. J Orthop Sci 2002;7:601-5 (JIC 2001 criteria and A/B/C1/C2 types)',
    kind: 'primary',
  },
  kuroda2019: {
    citation: 'Kuroda Y, et al. Bone Joint Res 2019;8:451 (collapse rates by JIC type, 505 hips)',
    link: doi('10.1302/2046-3758.810.BJR-2019-0022.R1'),
    kind: 'primary',
  },
  ha2006: {
    citation: 'Ha YC, et al. J Bone Joint Surg Am 2006;88 Suppl 3:35-40 (modified Kerboul angle on MRI)',
    link: pubmed('17079365'),
    kind: 'primary',
  },
  josr2024map: {
    citation: 'J Orthop Surg Res 2024: 3D-CT map of lesion location in 150 early ONFH hips',
    link: doi('10.1186/s13018-024-05058-3'),
    kind: 'primary',
  },
  josr2020sphere: {
    citation: 'J Orthop Surg Res 2020: "equivalent sphere" MRI study of lesion location',
    link: doi('10.1186/s13018-020-01786-4'),
    kind: 'primary',
  },
  osawa2021: {
    citation: 'Osawa Y, et al. Bone Joint J 2021;103-B:665 (curved intertrochanteric varus osteotomy ± bone impaction grafting)',
    link: pmc('PMC8090999'),
    kind: 'primary',
  },
  'musculoskeletalkey-cd': {
    citation: 'Musculoskeletal Key: Core decompression for osteonecrosis of the femoral head, percutaneous technique',
    link: 'https://musculoskeletalkey.com/core-decompression-for-osteonecrosis-of-the-femoral-head-percutaneous-technique',
    kind: 'primary',
  },
  waewsawangwong2016: {
    citation: 'Waewsawangwong W, et al. Orthop Res Rev 2016;8:13 (options for ONFH, including resurfacing)',
    link: pmc('PMC6209358'),
    kind: 'primary',
  },
  amstutz2017: {
    citation: 'Amstutz HC, Le Duff MJ. J Hip Surg 2017;1:38 (hip resurfacing for ONFH, 101 hips, 15 years)',
    kind: 'primary',
  },

  // --- procedures: core decompression and BMAC (§6.1) -------------------------------------
  synapsesocial: {
    citation: 'Synapse Social paper record (arthroscopic-assisted core decompression: indications, technique, 2-year survival)',
    link: 'https://synapsesocial.com/de/papers/698c1cb3267fb587c655f5db',
    kind: 'primary',
  },
  'orthogate-cd': {
    citation: 'Orthogate: Core decompression for non-traumatic osteonecrosis of the femoral head',
    link: 'https://www.orthogate.org/articles/hip-and-knee/core-decompression-for-non-traumatic-osteonecrosis-of-the-femoral-head',
    kind: 'primary',
  },
  mont2004: {
    citation: 'Mont MA, et al. Clin Orthop Relat Res 2004;(429):131-8 (multiple small-diameter drillings)',
    link: pubmed('15577477'),
    kind: 'primary',
  },
  'droracle-cd': {
    citation: 'Dr. Oracle: What is the surgical technique of core decompression (AI-written summary)',
    link: 'https://www.droracle.ai/articles/419048/what-is-the-surgical-technique-of-core-decompression-for',
    kind: 'secondary',
  },
  'wkhs-cd': {
    citation: 'WKHS health library: Core decompression for avascular necrosis of the hip',
    link: 'https://wkhs.com/health-resources/wk-health-library/medical-procedures-tests-care-and-management/a-z/core-decompression-for-avascular-necrosis-of-the-hip',
    kind: 'primary',
  },
  'teachme-subtroch': {
    citation: 'TeachMe Orthopedics: Subtrochanteric fractures (extent of the subtrochanteric region)',
    link: 'https://teachmeorthopedics.info/subtrochanteric-fractures/',
    kind: 'primary',
  },
  'orthopedia-cd': {
    citation: 'Orthopedia: core decompression animation',
    link: 'https://patient.orthopedia.com/student/activity/2054773',
    kind: 'primary',
  },
  'utah-bmac': {
    citation: 'Utah Hip and Knee: Core decompression (bone-marrow aspirate concentrate)',
    link: 'https://utahhipandknee.com/procedures/hip-procedures/core-decompression',
    kind: 'primary',
  },
  hernigou2018: {
    citation: 'Hernigou P, et al. Int Orthop 2018 (cell therapy vs core decompression alone, bilateral stage I–II, ≈25 years)',
    link: doi('10.1007/s00264-018-3941-8'),
    kind: 'primary',
  },
  mont1996: {
    citation: 'Mont MA, et al. Clin Orthop Relat Res 1996;(324):169-78 (core decompression vs non-operative management, meta-analysis)',
    kind: 'primary',
  },
  'castro-barrack2000': {
    citation: 'Castro & Barrack 2000, CRD record 12000003659 (core decompression vs conservative care by stage; attribution to be verified)',
    link: 'http://www.crd.york.ac.uk/CRDWeb/ShowRecord.asp?AccessionNumber=12000003659',
    kind: 'primary',
  },
  yoo2008: {
    citation:
      'Yoo MC, Kim KI, Hahn CS, Parvizi J. Long-term followup of vascularized fibular grafting for femoral head necrosis. Clin Orthop Relat Res 2008;466:1133-40 (124 hips ≥ 10 years; 10.5% converted to THA)',
    link: pmc('PMC2311477'),
    kind: 'primary',
  },
  bmc2007fvfg: {
    citation:
      'Free vascularised fibular grafting for osteonecrosis of the femoral head, 71 hips. BMC Musculoskelet Disord 2007;8:78 (7-year survival 83%; 72% when the head had collapsed before surgery)',
    link: doi('10.1186/1471-2474-8-78'),
    kind: 'primary',
  },
  bmc2021drilling: {
    citation: 'BMC Musculoskelet Disord 2021 (multiple drilling vs natural course, matched series)',
    link: doi('10.1186/s12891-021-04418-y'),
    kind: 'primary',
  },

  // --- procedures: bone grafting (§6.2) -----------------------------------------------------
  sun2014: {
    citation: 'Sun W, Li Z, et al. PLoS One 2014 (light-bulb bone grafting through a head–neck window)',
    kind: 'primary',
  },
  pmc4902236: {
    citation: 'PMC4902236 (light-bulb bone grafting, 158 hips: failure by ARCO stage, CJFH pillar type and age)',
    link: pmc('PMC4902236'),
    kind: 'primary',
  },
  wu2019: {
    citation: 'Wu CT, et al. Int Orthop 2019;43:579 (Phemister grafting, 14-year follow-up)',
    link: doi('10.1007/s00264-018-4013-9'),
    kind: 'primary',
  },
  wang2009: {
    citation: 'Wang YS, et al. Orthop Surg 2009 (double-strut grafting, 206 hips)',
    link: pmc('PMC6734625'),
    kind: 'primary',
  },
  pmc2311481: {
    citation: 'PMC2311481 (trapdoor / head–neck window grafting with OP-1)',
    link: pmc('PMC2311481'),
    kind: 'primary',
  },

  // --- procedures: total hip arthroplasty (§6.5) ---------------------------------------------
  'orthopedia-tha': {
    citation: 'Orthopedia: Hip arthritis, total hip replacement animation',
    link: 'https://patient.orthopedia.com/student/page/2205475-hip-arthritis-total-hip-replacement-animation',
    kind: 'primary',
  },
  efort2018: {
    citation: 'EFORT Open Rev 2018;3:225 (bearing surfaces and femoral head size in THA)',
    link: pmc('PMC5994615'),
    kind: 'primary',
  },
  jbjs2012head: {
    citation: 'J Bone Joint Surg Am 2012;94:1095 (RCT, 36 vs 28 mm heads: dislocation at 1 year)',
    link: pubmed('22717828'),
    kind: 'primary',
  },
  abdel2016: {
    citation: 'Abdel MP, et al. Clin Orthop Relat Res 2016 (dislocations and the Lewinnek safe zone)',
    kind: 'primary',
  },
  seagrave2017: {
    citation: 'Seagrave KG, et al. Acta Orthop 2017 (acetabular cup position and risk of dislocation)',
    link: pmc('PMC5251254'),
    kind: 'primary',
  },
  meermans2022: {
    citation: 'Meermans G, et al. EFORT Open Rev 2022 (cup positioning; transverse acetabular ligament as landmark)',
    link: pmc('PMC9257731'),
    kind: 'primary',
  },
  jcot2022: {
    citation: 'J Clin Orthop Trauma 2022;34:102042 (direct anterior THA in AVN vs OA)',
    kind: 'primary',
  },
  hammadmalik: {
    citation: 'Hammad Malik: Hip resurfacing (surgeon information page)',
    link: 'http://hammadmalik.co.uk/HipResurfacing.php',
    kind: 'secondary',
  },

  // --- procedures: hip resurfacing (§6.6) ----------------------------------------------------
  'hutaif-1723': {
    citation: 'Hutaif Orthopedic: hip resurfacing (components, indications)',
    link: 'https://hutaif-orthopedic.com/1723-en',
    kind: 'primary',
  },
  'hutaif-2041': {
    citation: 'Hutaif Orthopedic: Birmingham hip resurfacing components',
    link: 'https://hutaif-orthopedic.com/2041-en',
    kind: 'primary',
  },
  patel2014: {
    citation: 'Patel NK, et al. 2014 (hip resurfacing series: component sizes)',
    link: pmc('PMC5137647'),
    kind: 'primary',
  },
  'medscape-hra': {
    citation: 'Medscape: Hip resurfacing, technique',
    link: 'https://emedicine.medscape.com/article/1358168-technique',
    kind: 'primary',
  },
  pmc2269024: {
    citation: 'PMC2269024 (hip resurfacing approaches that spare the MFCA)',
    link: pmc('PMC2269024'),
    kind: 'primary',
  },
  mclawhorn: {
    citation: 'McLawhorn AS, et al. Preoperative templating and its intraoperative applications (hip)',
    link: 'https://mdedge-cache.qa01.mdedge.com/surgery/article/71398/rheumatology/preoperative-templating-and-its-intraoperative-applications-hip',
    kind: 'primary',
  },
  tai2014: {
    citation: 'Tai CL, et al. BMC Musculoskelet Disord 2014;15:262 (finite-element model: lesion size and stress shielding under a resurfacing)',
    kind: 'primary',
  },
  'fda-mom': {
    citation:
      'US Food and Drug Administration. Metal-on-metal hip implants: information for orthopaedic surgeons (do not implant in patients currently on high-dose corticosteroids, among others)',
    link: 'https://www.fda.gov/MedicalDevices/ProductsandMedicalProcedures/ImplantsandProsthetics/MetalonMetalHipImplants/ucm241667.htm',
    kind: 'primary',
  },
  kim2020hra: {
    citation:
      'Hip resurfacing arthroplasty for osteonecrosis of the femoral head: 202 hips by one surgeon, mean 10.6 years; a large combined necrotic angle was the only independent risk factor for femoral failure (PMID 32071874)',
    link: pubmed('32071874'),
    kind: 'primary',
  },
  'springer-mom': {
    citation: 'Springer chapter 978-3-030-24243-5_4 (metal-on-metal bearings: adverse local tissue reactions, ion release)',
    link: 'https://rd.springer.com/chapter/10.1007/978-3-030-24243-5_4',
    kind: 'primary',
  },
  pmc2807001: {
    citation: 'PMC2807001 (hip resurfacing by experienced surgeons, 650 cases: complications and learning curve)',
    link: pmc('PMC2807001'),
    kind: 'primary',
  },
} as const satisfies Record<string, Source>

export type SourceKey = keyof typeof SOURCES

export function isSourceKey(value: string): value is SourceKey {
  return Object.hasOwn(SOURCES, value)
}
